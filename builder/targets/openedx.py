"""Target ``openedx``: an OLX course archive and the compiled catalogue.

    course.tar.gz    the course to import in Studio: one chapter per job-family
                     path, holding the path block (its placement quiz, then one
                     micro-module block per module its route may show)
    catalogue.json   every module and path projection, for Studio's pickers

The blocks (``xblocks/``) read compiled JSON only. Images are inlined in the
module projections as data URIs (processed, at 1×), so a block needs no
course asset and the mobile apps get everything in ``student_view_data``.

The course is validated before it is archived with olxcleaner, the library
Studio's own import runs (our block tags allowed); any error fails the build.
The archive is reproducible (sorted members, one timestamp, no owner).
"""

from __future__ import annotations

import calendar
import gzip
import io
import json
import shutil
import tarfile
from pathlib import Path
from typing import Any, ClassVar

from lxml import etree

from builder.diagnostics import Location
from builder.icons import course_card
from builder.images import ImagePipeline
from builder.model import Catalogue, LearningPath, Module
from builder.placement.bank import BASICS, placement_data
from builder.projection import content_hash, project_module
from builder.render import strings
from builder.targets.base import BuildContext, write_bytes, write_text
from builder.targets.package import _timestamp
from builder.theme_wording import player_wording
from builder.themes import Theme
from xblocks.catalogue import CATALOGUE_SCHEMA
from xblocks.olx import BLOCK_TAGS, path_element

Json = dict[str, Any]

PATH_SCHEMA = 1
ORG = "Tisseuse"
RUN = "course"


# --- compiled content ---------------------------------------------------------------


def compile_module(
    catalogue: Catalogue, module: Module, images: ImagePipeline | None = None
) -> Json:
    """The module projection (with its key), images inlined as data URIs.

    A block sends every image of its module with the page (no lazy loading
    for data URIs), so each image is inlined once, at 1× (``Picture.inline``).
    """
    images = images or ImagePipeline()
    projection = project_module(catalogue, module, images)
    folder = catalogue.module_dir(module)
    screens = []
    for source, screen in zip(module.screens, projection["screens"], strict=True):
        if source.image is not None:
            image = source.image
            picture = images.figure(folder / image.src, image.src, image.width)
            screen = {**screen, "image": {**screen["image"], **picture.inline()}}
        screens.append(screen)
    return {**projection, "screens": screens}


def with_theme(compiled: Json, theme: Theme) -> Json:
    """Every module and path carries the theme's look (outside its version).

    A block keeps a copy of its content, and the LMS never reads the
    catalogue: the theme travels with each projection, so the blocks of a
    course built with ``--theme`` show its colours and font. The version is
    left alone: a new theme must not send learners back to the start.
    """
    look = {
        "name": theme.name,
        "organisation": theme.organisation,
        "variables": theme.variables(),
    }
    return {
        **compiled,
        "theme": look,
        "modules": {k: {**m, "theme": look} for k, m in compiled["modules"].items()},
        "paths": {k: {**p, "theme": look} for k, p in compiled["paths"].items()},
    }


def compile_path(
    catalogue: Catalogue, path: LearningPath, modules: dict[str, Json]
) -> Json:
    """The path projection (documented in the README)."""
    tested = any(b.competence in path.placement for b in catalogue.placement)
    placement = placement_data(catalogue, path) if tested else None
    basics = placement["engine"]["basics"] if placement else {}
    playable = dict.fromkeys(
        [*path.modules, *(m for ids in basics.values() for m in ids)]
    )
    family = catalogue.families_by_id[path.family]
    projection: Json = {
        "schema": PATH_SCHEMA,
        "id": path.id,
        "title": path.title,
        "audience": path.audience,
        "lang": catalogue.language,
        "family": {"id": family.id, "title": family.title, "roles": family.roles},
        "minutes": catalogue.path_minutes(path),
        "path_modules": list(path.modules),
        "modules": [
            _summary(catalogue, modules[m], m in path.modules) for m in playable
        ],
        "routing": {
            "modules": [_routed(catalogue, m) for m in path.modules],
            "basics": basics,
            "basics_competence": BASICS,
        },
        "placement": placement,
    }
    versions = [modules[m]["version"] for m in playable]
    projection["version"] = content_hash([projection, versions])
    return projection


def _summary(catalogue: Catalogue, module: Json, in_path: bool) -> Json:
    topic = catalogue.topics_by_id[module["topic"]["id"]]
    return {
        "id": module["id"],
        "title": module["title"],
        "level": module["level"],
        "duration_minutes": module["duration_minutes"],
        "competence": topic.competence,
        "scored": any(
            s["activity"] and s["activity"]["scored"] for s in module["screens"]
        ),
        "in_path": in_path,
    }


def _routed(catalogue: Catalogue, module_id: str) -> Json:
    module = catalogue.modules_by_id[module_id]
    return {
        "id": module.id,
        "competence": catalogue.topics_by_id[module.topic].competence,
        "level": module.level,
    }


def compile_catalogue(
    catalogue: Catalogue, images: ImagePipeline | None = None
) -> Json:
    images = images or ImagePipeline()
    modules = {m.id: compile_module(catalogue, m, images) for m in catalogue.modules}
    paths = {p.id: compile_path(catalogue, p, modules) for p in catalogue.paths}
    return {
        "schema": CATALOGUE_SCHEMA,
        "title": catalogue.meta.title,
        "language": catalogue.language,
        "modules": modules,
        "paths": paths,
    }


# --- the OLX course ------------------------------------------------------------------


def _xml(element: etree._Element) -> str:
    etree.indent(element, space="  ")
    return etree.tostring(element, encoding="unicode") + "\n"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def course_files(
    catalogue: Catalogue,
    compiled: Json,
    messages: dict[str, str],
    image: tuple[str, bytes],
) -> dict[str, str | bytes]:
    """Every file of the OLX course, by path inside the archive.

    ``messages``: the interface catalogue (``--lang``, theme wording) that
    names what the course's outline shows: the quiz, the assignment type.
    """
    meta = catalogue.meta
    placement_name = messages["placement_title"]
    files: dict[str, str | bytes] = {f"static/{image[0]}": image[1]}
    course = etree.Element(
        "course", display_name=meta.title, language=catalogue.language
    )
    for path in catalogue.paths:
        projection = compiled["paths"][path.id]
        etree.SubElement(course, "chapter", url_name=f"ch-{path.id}")
        chapter = etree.Element("chapter", display_name=path.title)
        etree.SubElement(chapter, "sequential", url_name=f"seq-{path.id}")
        sequential = etree.Element(
            "sequential",
            display_name=path.title,
            graded="true",
            format=messages["assignment_type"],
        )
        etree.SubElement(sequential, "vertical", url_name=f"unit-{path.id}")
        vertical = etree.Element("vertical", display_name=path.title)
        vertical.append(
            path_element(projection, compiled["modules"], f"{path.id}-", placement_name)
        )
        files[f"chapter/ch-{path.id}.xml"] = _xml(chapter)
        files[f"sequential/seq-{path.id}.xml"] = _xml(sequential)
        files[f"vertical/unit-{path.id}.xml"] = _xml(vertical)
    course_key = etree.Element(
        "course", url_name=RUN, org=ORG, course=_slug(meta.title)
    )
    files["course.xml"] = _xml(course_key)
    files[f"course/{RUN}.xml"] = _xml(course)
    files[f"policies/{RUN}/policy.json"] = _json(
        {f"course/{RUN}": _policy(catalogue, image[0], compiled.get("theme"))}
    )
    files[f"policies/{RUN}/grading_policy.json"] = _json(
        _grading(len(catalogue.paths), messages["assignment_type"])
    )
    files["policies/assets.json"] = _json({})
    files["about/overview.html"] = f"<p>{_escape(meta.description)}</p>\n"
    files["about/short_description.html"] = _escape(meta.description) + "\n"
    return files


def _policy(catalogue: Catalogue, image: str, theme: Json | None = None) -> Json:
    """Course settings. olxcleaner requires an image and an end date: the end is
    far away (change both in Studio's "Schedule & Details"). The theme's
    organisation is the name the course card and about page show."""
    organisation = {"display_organization": theme["organisation"]} if theme else {}
    return {
        **organisation,
        "display_name": catalogue.meta.title,
        "language": catalogue.language,
        "start": "2020-01-01T00:00:00Z",
        "end": "2100-01-01T00:00:00Z",
        "course_image": image,
        "advanced_modules": list(BLOCK_TAGS),
    }


def _grading(paths: int, assignment_type: str) -> Json:
    """One assignment type for the paths; only a learner's best path counts.

    A learner follows their own job family's path: dropping the others keeps
    the course grade that path's grade instead of dividing it by the number
    of paths.
    """
    return {
        "GRADER": [
            {
                "type": assignment_type,
                "short_label": "P",
                "min_count": paths,
                "drop_count": paths - 1,
                "weight": 1.0,
            }
        ],
        "GRADE_CUTOFFS": {"Pass": 0.5},
    }


def _slug(text: str) -> str:
    slug = "".join(c if c.isascii() and c.isalnum() else "-" for c in text)
    return "-".join(part for part in slug.split("-") if part)[:40] or "catalogue"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_archive(path: Path, files: dict[str, str | bytes]) -> Path:
    """A gzipped tar of ``course/<files>``, byte-identical for the same files."""
    stamp = _epoch()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as tar:
        folders = sorted({"course", *(f"course/{p}".rsplit("/", 1)[0] for p in files)})
        for name in sorted(folders):
            info = _info(name, stamp, tarfile.DIRTYPE, 0o755)
            tar.addfile(info)
        for name in sorted(files):
            data = _bytes(files[name])
            info = _info(f"course/{name}", stamp, tarfile.REGTYPE, 0o644)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    packed = io.BytesIO()
    with gzip.GzipFile(
        filename="", mode="wb", fileobj=packed, mtime=stamp, compresslevel=9
    ) as gz:
        gz.write(buffer.getvalue())
    return write_bytes(path, packed.getvalue())


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _info(name: str, stamp: int, kind: bytes, mode: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.mode = mode
    info.mtime = stamp
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def _epoch() -> int:
    """The archive's timestamp: ``SOURCE_DATE_EPOCH``, as for zip packages."""
    year, month, day, hour, minute, second = _timestamp()
    return calendar.timegm((year, month, day, hour, minute, second, 0, 0, 0))


# --- validation -------------------------------------------------------------


def olx_errors(folder: Path) -> list[str] | None:
    """olxcleaner's errors for the course in ``folder``; None if it is not installed."""
    try:
        from olxcleaner import validate
    except ImportError:
        return None
    _course, store, _names = validate(
        str(folder), steps=8, allowed_xblocks=list(BLOCK_TAGS)
    )
    return [
        f"{error.name} in {error.filename}: {error.description}"
        for error in store.errors
        if error.level == "ERROR"
    ]


def _course_image(ctx: BuildContext) -> tuple[str, bytes]:
    """Studio's course card: a PNG from the theme's icon (see builder/icons.py)."""
    return course_card(ctx.images, ctx.theme)


class OpenEdxTarget:
    name: ClassVar[str] = "openedx"
    description: ClassVar[str] = "Open edX course archive (OLX) and compiled catalogue"

    @staticmethod
    def missing() -> str | None:
        """Why the course cannot be checked here (no olxcleaner), or None."""
        try:
            import olxcleaner  # noqa: F401
        except ImportError:
            return (
                "target openedx needs olxcleaner to check the course it writes, "
                "which the base install leaves out: pip install 'tisseuse[openedx]'"
            )
        return None

    def build(self, catalogue: Catalogue, ctx: BuildContext) -> list[Path]:
        where = Location(catalogue.root / "modules" / "paths.yaml")
        compiled = with_theme(compile_catalogue(catalogue, ctx.images), ctx.theme)
        messages = strings(ctx.ui_lang) | player_wording(ctx.theme.wording, ctx.ui_lang)
        files = course_files(catalogue, compiled, messages, _course_image(ctx))
        check = ctx.out / ".olx-check"
        for name, content in files.items():
            write_bytes(check / name, _bytes(content))
        errors = olx_errors(check)
        shutil.rmtree(check)
        if errors is None:
            ctx.report.error(
                where,
                "E506",
                "olxcleaner is not installed, so the Open edX course cannot be "
                "checked: install it with pip install 'tisseuse[openedx]'",
            )
            return []
        for error in errors:
            ctx.report.error(
                where,
                "E505",
                f"the Open edX course fails olxcleaner's check: {error} "
                "(a bug in Tisseuse: please report it)",
            )
        if errors:
            return []
        text = json.dumps(
            compiled, ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )
        catalogue_file = write_text(ctx.out / "catalogue.json", text + "\n")
        return [write_archive(ctx.out / "course.tar.gz", files), catalogue_file]
