"""Check package manifests: XSD validation and what XSD cannot check.

The schemas come from the standards kit (ADL/IMS XSDs, not copied into this
repository): ``$TISSEUSE_STANDARDS``, else ``../shared/standards`` next to the
project. lxml never fetches anything from the network here.

Beyond the schema, a package is only sound if (see the kit's README):
``organizations/@default`` names an organization; every ``identifierref`` names
a resource; every ``IDRef`` names a sequencing in the collection; the launch
file and every listed file are in the zip; every file in the zip is listed;
each SCO has an ``href``; every global objective that is read is written by
some activity.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import cast

from lxml import etree

KINDS = {
    "scorm12": Path("scorm12") / "scorm12_manifest.xsd",
    "scorm2004": Path("scorm2004") / "scorm2004_manifest.xsd",
}
IMSSS = "http://www.imsglobal.org/xsd/imsss"


class StandardsMissing(Exception):
    pass


def standards_dir(project_root: Path) -> Path:
    """Where the kit is; raise StandardsMissing with what to do if nowhere."""
    candidates = [
        Path(os.environ["TISSEUSE_STANDARDS"])
        if os.environ.get("TISSEUSE_STANDARDS")
        else None,
        project_root / ".." / "shared" / "standards",
        Path(__file__).resolve().parents[2] / "shared" / "standards",
    ]
    for candidate in candidates:
        if candidate is not None and (candidate / KINDS["scorm12"]).is_file():
            return candidate.resolve()
    raise StandardsMissing(
        "the SCORM standards kit (XSD files) was not found: put it at "
        "../shared/standards next to the project, or set TISSEUSE_STANDARDS"
    )


@cache
def schema(kit: Path, kind: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(kit / KINDS[kind]), parser))


def schema_errors(kit: Path, kind: str, manifest: bytes) -> list[str]:
    """'line N: message' for every XSD error (empty when valid)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    doc = etree.fromstring(manifest, parser).getroottree()
    checker = schema(kit, kind)
    if checker.validate(doc):
        return []
    entries = cast(Iterable[etree._LogEntry], checker.error_log)
    return [f"line {e.line}: {e.message}" for e in entries]


def reference_errors(manifest: bytes, files: Iterable[str]) -> list[str]:
    """The checks XSD cannot do, against the set of files in the package."""
    root = etree.fromstring(manifest)
    ns = "{" + str(root.nsmap.get(None)) + "}"  # the content-packaging namespace
    names = set(files)
    resources = {str(r.get("identifier")): r for r in root.iter(f"{ns}resource")}
    organizations = {o.get("identifier") for o in root.iter(f"{ns}organization")}
    errors: list[str] = []
    container = root.find(f"{ns}organizations")
    default = container.get("default") if container is not None else None
    if default not in organizations:
        errors.append(f"organizations/@default '{default}' names no organization")
    for element in [*root.iter(f"{ns}item"), *root.iter(f"{ns}dependency")]:
        ref = element.get("identifierref")
        if ref is not None and ref not in resources:
            errors.append(f"identifierref '{ref}' names no resource")
    for ident, resource in resources.items():
        errors.extend(_resource_errors(ident, resource, names, ns))
    listed = {f.get("href") for f in root.iter(f"{ns}file")}
    errors.extend(
        f"'{name}' is in the package but in no <file> list"
        for name in sorted(names - listed - {"imsmanifest.xml"})
    )
    errors.extend(_sequencing_errors(root))
    return errors


def _resource_errors(
    ident: str, resource: etree._Element, names: set[str], ns: str
) -> list[str]:
    errors = []
    href = resource.get("href")
    attributes = {str(k).lower(): str(v) for k, v in resource.attrib.items()}
    scorm_type = next(
        (v for k, v in attributes.items() if k.endswith("scormtype")), None
    )
    if scorm_type == "sco" and not href:
        errors.append(f"resource '{ident}' is a SCO without an href")
    if href and href.split("?")[0] not in names:
        errors.append(
            f"resource '{ident}' launches '{href}', which is not in the package"
        )
    for file in resource.iter(f"{ns}file"):
        if file.get("href") not in names:
            listed = file.get("href")
            errors.append(
                f"resource '{ident}' lists '{listed}', which is not in the package"
            )
    return errors


def _sequencing_errors(root: etree._Element) -> list[str]:
    errors = []
    collection = {
        s.get("ID") for s in root.iter(f"{{{IMSSS}}}sequencing") if s.get("ID")
    }
    for seq in root.iter(f"{{{IMSSS}}}sequencing"):
        ref = seq.get("IDRef")
        if ref is not None and ref not in collection:
            errors.append(
                f"sequencing IDRef '{ref}' names no sequencing in the collection"
            )
    read: set[str] = set()
    written: set[str] = set()
    for info in root.iter(f"{{{IMSSS}}}mapInfo"):
        target = str(info.get("targetObjectiveID"))
        if (
            info.get("readSatisfiedStatus", "true") == "true"
            or info.get("readNormalizedMeasure", "true") == "true"
        ):
            read.add(target)
        if (
            info.get("writeSatisfiedStatus") == "true"
            or info.get("writeNormalizedMeasure") == "true"
        ):
            written.add(target)
    errors.extend(
        f"global objective '{t}' is read but never written"
        for t in sorted(read - written)
    )
    return errors
