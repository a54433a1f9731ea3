"""SCORM packages on the builder side: manifests, checks, budget, determinism.

Golden manifests live in tests/golden/<target>/<project>/<package>.imsmanifest.xml
(regenerate with ``pytest --update-golden`` and review the diff).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from builder.standards import reference_errors, schema_errors, standards_dir
from tests.conftest import GOLDEN, REPO, ROOTS, copy_project, edit, run, tree_files

TARGETS = ("scorm12", "scorm2004")
KIT = standards_dir(REPO)
EXAMPLES = KIT / "examples"


def build(project: Path, *targets: str) -> dict[str, dict[str, bytes]]:
    result = run(["build", *targets, "-q"], project)
    assert result.exit_code == 0, result.stderr
    packages = {}
    for target in targets:
        for package in sorted((project / "dist" / target).glob("*.zip")):
            with zipfile.ZipFile(package) as archive:
                packages[f"{target}/{package.stem}"] = {
                    n: archive.read(n) for n in archive.namelist()
                }
    return packages


@pytest.mark.parametrize("source", ["minimal", "catalogue"])
def test_manifests_match_golden(
    source: str, tmp_path: Path, update_golden: bool
) -> None:
    project = copy_project(
        ROOTS / "minimal" if source == "minimal" else REPO, tmp_path / "p"
    )
    for name, members in build(project, *TARGETS).items():
        target, package = name.split("/")
        golden = GOLDEN / target / source / f"{package}.imsmanifest.xml"
        if update_golden:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_bytes(members["imsmanifest.xml"])
        assert members["imsmanifest.xml"] == golden.read_bytes(), (
            f"{name} differs from golden"
        )


def test_every_package_is_valid_and_complete(catalogue_copy: Path) -> None:
    for name, members in build(catalogue_copy, *TARGETS).items():
        kind = name.split("/")[0]
        manifest = members["imsmanifest.xml"]
        assert schema_errors(KIT, kind, manifest) == [], name
        assert reference_errors(manifest, members) == [], name
        assert next(iter(members)) == "imsmanifest.xml"
        launch = "placement.html" if name.endswith("-sequenced") else "index.html"
        assert launch in members, name
        assert not any(n.startswith("/") or ".." in n for n in members)


def test_packages_are_byte_identical_when_rebuilt(tmp_path: Path) -> None:
    first = copy_project(ROOTS / "minimal", tmp_path / "a")
    second = copy_project(ROOTS / "minimal", tmp_path / "b")
    build(first, *TARGETS)
    build(second, *TARGETS)
    assert tree_files(first / "dist") == tree_files(second / "dist")
    with zipfile.ZipFile(first / "dist" / "scorm12" / "demo.zip") as archive:
        infos = archive.infolist()
    assert infos[0].filename == "imsmanifest.xml"
    assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_source_date_epoch_sets_the_timestamps(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    build(minimal, "scorm12")
    with zipfile.ZipFile(minimal / "dist" / "scorm12" / "demo.zip") as archive:
        assert {i.date_time for i in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def masteries(manifest: bytes) -> list[str]:
    root = etree.fromstring(manifest)
    found = root.iter("{http://www.adlnet.org/xsd/adlcp_rootv1p2}masteryscore")
    return [m.text or "" for m in found]


def test_mastery_score_only_when_the_author_sets_one(minimal: Path) -> None:
    assert masteries(build(minimal, "scorm12")["scorm12/demo"]["imsmanifest.xml"]) == [
        "50"
    ]
    edit(minimal / "modules" / "demo" / "module.yaml", "mastery_score: 50\n", "")
    manifest = build(minimal, "scorm12", "scorm2004")
    assert masteries(manifest["scorm12/demo"]["imsmanifest.xml"]) == []
    assert b"minNormalizedMeasure" not in manifest["scorm2004/demo"]["imsmanifest.xml"]


def test_metadata_names_title_language_description_and_duration(minimal: Path) -> None:
    packages = build(minimal, *TARGETS)
    m12 = packages["scorm12/demo"]["imsmanifest.xml"].decode()
    assert (
        '<imsmd:langstring xml:lang="fr">Module de démonstration</imsmd:langstring>'
        in m12
    )
    assert "<imsmd:language>fr</imsmd:language>" in m12
    assert "Toutes les activités, en petit." in m12
    assert "<imsmd:datetime>00:05:00</imsmd:datetime>" in m12
    m2004 = packages["scorm2004/demo"]["imsmanifest.xml"].decode()
    assert "<duration>PT5M</duration>" in m2004
    assert '<string language="fr">Module de démonstration</string>' in m2004


def test_a_state_that_could_overflow_fails_the_build(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from builder.targets import scorm12

    small = scorm12.Flavour(**{**scorm12.SCORM12.__dict__, "suspend_limit": 40})
    monkeypatch.setattr(scorm12, "SCORM12", small)
    result = run(["build", "scorm12"], minimal)
    assert result.exit_code == 1
    assert (
        "modules/demo/module.yaml:1:1: error E504: a learner's saved state could reach"
        in result.stderr
    )
    assert "more than the 40 that scorm12 allows" in result.stderr
    assert not (minimal / "dist").exists()


def test_missing_standards_kit_is_a_clear_error(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from builder import standards

    def nowhere(_root: Path) -> Path:
        raise standards.StandardsMissing(
            "the SCORM standards kit (XSD files) was not found"
        )

    monkeypatch.setattr("builder.targets.scorm.standards_dir", nowhere)
    result = run(["build", "scorm2004"], minimal)
    assert result.exit_code == 1
    assert (
        "error E501: the SCORM standards kit (XSD files) was not found" in result.stderr
    )


@pytest.mark.parametrize(
    ("example", "kind"),
    [
        ("scorm12_bad_scormtype.xml", "scorm12"),
        ("scorm12_missing_organizations.xml", "scorm12"),
        ("scorm2004_bad_rule_action.xml", "scorm2004"),
        ("scorm2004_missing_organizations.xml", "scorm2004"),
    ],
)
def test_schema_errors_catch_the_kits_broken_manifests(example: str, kind: str) -> None:
    assert schema_errors(KIT, kind, (EXAMPLES / "broken" / example).read_bytes())


@pytest.mark.parametrize(
    "example",
    ["scorm12_dangling_identifierref.xml", "scorm2004_dangling_identifierref.xml"],
)
def test_reference_checks_catch_what_xsd_accepts(example: str) -> None:
    manifest = (EXAMPLES / "broken" / example).read_bytes()
    kind = example.split("_")[0]
    assert schema_errors(KIT, kind, manifest) == []
    assert any(
        "names no resource" in e for e in reference_errors(manifest, {"index.html"})
    )


def test_reference_checks_see_missing_and_unlisted_files() -> None:
    manifest = (EXAMPLES / "scorm12_imsmanifest.xml").read_bytes()
    assert reference_errors(manifest, {"index.html"}) == []
    assert reference_errors(manifest, set()) == [
        "resource 'RES-1' launches 'index.html', which is not in the package",
        "resource 'RES-1' lists 'index.html', which is not in the package",
    ]
    assert reference_errors(manifest, {"index.html", "extra.js"}) == [
        "'extra.js' is in the package but in no <file> list"
    ]


def test_the_kits_pretest_example_passes_the_sequencing_checks() -> None:
    manifest = (EXAMPLES / "scorm2004_pretest_imsmanifest.xml").read_bytes()
    assert schema_errors(KIT, "scorm2004", manifest) == []
    root = etree.fromstring(manifest)
    files = {
        f.get("href")
        for f in root.iter("{http://www.imsglobal.org/xsd/imscp_v1p1}file")
    }
    assert reference_errors(manifest, files) == []
