"""`tisseuse report content`: what a training manager reviews before a release."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html

from tests.conftest import REPO, run


def report_json(root: Path) -> dict:
    result = run(["report", "content", "--json"], root)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_bundled_catalogue_covers_every_job_family(catalogue_copy: Path) -> None:
    data = report_json(catalogue_copy)
    assert data["summary"]["every_family_has_a_path"] is True
    assert len(data["families"]) == 9
    assert all(f["modules"] >= 3 and f["path"] for f in data["families"])
    assert data["summary"]["modules"] >= 14
    assert all(b["items"] >= 12 for b in data["placement"])
    assert {b["competence"] for b in data["placement"]} == {
        "ecrits-professionnels",
        "messagerie",
        "demarches-en-ligne",
        "posture-ecran",
        "numerique-de-base",
    }
    for bank in data["placement"]:
        assert sum(bank["by_level"].values()) == bank["items"]
        assert all(bank["by_level"][level] > 0 for level in "1234")


def test_each_module_row_agrees_with_the_sources(catalogue_copy: Path) -> None:
    data = report_json(catalogue_copy)
    listed = json.loads(run(["list", "--json"], catalogue_copy).stdout)
    by_id = {m["id"]: m for m in listed["modules"]}
    assert [m["id"] for m in data["modules"]] == [m["id"] for m in listed["modules"]]
    for row in data["modules"]:
        source = by_id[row["id"]]
        assert row["duration_minutes"] == source["duration_minutes"]
        assert row["activities"] == source["activities"]
        assert row["level"] == source["level"]
        # "S": the module's scenarios are written for the family, as declared.
        written_for = {f for f, v in row["families"].items() if "scenario" in v}
        assert written_for == set(source["families"])
        # "P": the module sits in that family's path.
        in_path = {f for f, v in row["families"].items() if v.startswith("path")}
        assert in_path == {
            p["family"] for p in listed["paths"] if row["id"] in p["modules"]
        }
        assert row["reading_ease_median"] is not None


def test_a_family_without_a_full_path_is_flagged(minimal: Path) -> None:
    result = run(["report", "content"], minimal)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip().endswith("path of 3 modules or more: NO")
    page = (minimal / "dist" / "reports" / "content.html").read_text(encoding="utf-8")
    assert "✗ Une famille de métiers au moins n'a pas de parcours" in page
    assert "✗ moins de 3 modules" in page


def test_the_page_is_self_contained_and_lists_every_module(
    catalogue_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "revue" / "couverture.html"
    result = run(["report", "content", "--out", str(out)], catalogue_copy)
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    assert not tree.xpath("//script | //link | //img | //iframe")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", html)
    modules = sorted(
        p.name for p in (REPO / "modules").iterdir() if (p / "module.yaml").is_file()
    )
    rows = tree.xpath("//h2[@id='matrice']/following::table[1]/tbody/tr/th/text()")
    assert sorted(rows) == modules
    assert not list(out.parent.glob(".*.tmp"))


def test_a_broken_catalogue_writes_no_report(minimal: Path) -> None:
    (minimal / "modules" / "paths.yaml").write_text("paths: [\n", encoding="utf-8")
    result = run(["report", "content"], minimal)
    assert result.exit_code == 1
    assert result.stderr.startswith("modules/paths.yaml:")
    assert not (minimal / "dist").exists()
