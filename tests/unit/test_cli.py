"""The command line: every command, exit codes, and the committed schemas."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from builder.cli import cli
from builder.placement.simulate import known_truth, reference_bank, what_if
from builder.schema import SCHEMAS, schema_text
from tests.conftest import REPO, run


def test_check_passes_on_the_bundled_catalogue_in_strict_mode() -> None:
    result = run(["check", "--strict"], REPO)
    assert result.exit_code == 0, result.stderr
    modules = len(list((REPO / "modules").glob("*/module.yaml")))
    assert result.stderr.startswith(f"tisseuse: {modules} modules")


def test_list_json_summarises_the_catalogue() -> None:
    result = run(["list", "--json"], REPO)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    modules = {m["id"]: m for m in data["modules"]}
    assert {m["topic"] for m in modules.values()} >= {"t1", "t2", "t3", "t4"}
    t1 = modules["t1-transmissions-ciblees"]
    assert t1["level"] == "standard"
    assert t1["activities"] == 6
    assert t1["duration_minutes"] == 9
    assert "soin" in t1["families"]
    assert set(data["placement"]) == {
        "ecrits-professionnels",
        "messagerie",
        "demarches-en-ligne",
        "posture-ecran",
        "numerique-de-base",
    }
    assert all(p["modules"] for p in data["paths"])


def test_list_text(minimal: Path) -> None:
    result = run(["list"], minimal)
    assert result.exit_code == 0
    assert "demo" in result.stdout
    assert "ecrits" in result.stdout


def test_committed_schemas_are_up_to_date() -> None:
    for name, model in SCHEMAS.items():
        committed = REPO / "modules" / "_schemas" / f"{name}.schema.json"
        assert committed.read_text(encoding="utf-8") == schema_text(model, name), (
            f"{committed} is stale: run 'tisseuse schema'"
        )


def test_schema_command_writes_valid_json(tmp_path: Path, minimal: Path) -> None:
    result = run(["schema", "--out", str(tmp_path / "s")], minimal)
    assert result.exit_code == 0
    module = json.loads((tmp_path / "s" / "module.schema.json").read_text("utf-8"))
    assert module["additionalProperties"] is False
    assert "screens" in module["required"]


def test_new_module_scaffold_passes_check(minimal: Path) -> None:
    result = run(
        ["new", "module", "t1-nouveau", "--title", "Un nouveau module"], minimal
    )
    assert result.exit_code == 0, result.stderr
    assert (minimal / "modules" / "t1-nouveau" / "module.yaml").is_file()
    assert run(["check", "--strict"], minimal).exit_code == 0


def test_new_module_refuses_bad_or_existing_ids(minimal: Path) -> None:
    bad = run(["new", "module", "Mon Module"], minimal)
    assert bad.exit_code == 1
    assert "not a valid module id" in bad.stderr
    existing = run(["new", "module", "demo"], minimal)
    assert existing.exit_code == 1
    assert "already exists" in existing.stderr


def test_unknown_target_is_a_usage_error(minimal: Path) -> None:
    result = run(["build", "pdf"], minimal)
    assert result.exit_code == 2
    assert (
        "unknown target pdf; known: web, scorm12, scorm2004, kit, openedx"
        in result.stderr
    )


def test_build_prints_progress_and_writes_dist(minimal: Path) -> None:
    result = run(["build"], minimal)
    assert result.exit_code == 0, result.stderr
    assert "[1/5] web: building" in result.stderr
    assert "[3/5] scorm2004: " in result.stderr
    assert "[4/5] kit: " in result.stderr
    assert "tisseuse: built 5 target(s)" in result.stderr
    assert (minimal / "dist" / "web" / "index.html").is_file()


def test_help_everywhere() -> None:
    for args in (
        ["--help"],
        ["build", "--help"],
        ["check", "--help"],
        ["new", "module", "--help"],
        ["preview", "--help"],
        ["schema", "--help"],
        ["list", "--help"],
        ["bench", "--help"],
        ["bench", "scorm", "--help"],
        ["audit", "--help"],
    ):
        assert run(args, REPO).exit_code == 0, args


def test_console_script_exit_codes(minimal: Path) -> None:
    """The installed entry point (not click's test runner) maps errors to codes."""

    def tisseuse(*args: str) -> subprocess.CompletedProcess[str]:
        code = (
            "import sys; from builder.cli import main; sys.argv[0] = 'tisseuse'; main()"
        )
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=minimal,
            capture_output=True,
            text=True,
            check=False,
        )

    assert tisseuse("check").returncode == 0
    assert tisseuse("frobnicate").returncode == 2
    (minimal / "modules" / "catalog.yaml").write_text("title: [\n", encoding="utf-8")
    broken = tisseuse("check")
    assert broken.returncode == 1
    assert broken.stderr.startswith("modules/catalog.yaml:2:1: error E102")
    assert "Traceback" not in broken.stderr


def test_cli_group_lists_every_command() -> None:
    assert set(cli.commands) == {
        "audit",
        "bench",
        "build",
        "calibrate",
        "check",
        "list",
        "new",
        "preview",
        "report",
        "schema",
    }


def bench_placement(*options: str) -> tuple[list[str], dict]:
    args = ["bench", "placement", "--learners", "40", "--worlds", "2", *options]
    result = run(args, REPO)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    return lines, json.loads(lines[-1])


def test_bench_placement_ends_with_the_json_line() -> None:
    lines, data = bench_placement()
    header = next(line for line in lines if line.startswith("design"))
    assert header.split() == [
        "design",
        "agreement",
        "same",
        "route",
        "accuracy",
        "±0.5",
        "harmful",
        "skips",
        "masters",
        "kept",
        "items",
        "%",
        "bank",
    ]
    keys = {
        "agreement",
        "accuracy_beyond_05",
        "harmful_skips",
        "mean_items_pct",
        "bar_met",
    }
    assert keys <= set(data)
    assert 0 < data["mean_items_pct"] < 1
    assert 0 < data["masters_not_skipped"] < 1
    assert isinstance(data["bar_met"], bool)
    assert not any(line.startswith("what-if") for line in lines)


def test_bench_placement_says_how_each_competence_ended() -> None:
    lines, data = bench_placement()
    endings = data["endings"]
    assert set(endings) <= {"decided", "item limit", "quiz limit"}
    assert abs(sum(e["share"] for e in endings.values()) - 1) < 0.001
    assert "how each competence of the adaptive quiz ended:" in lines
    # A quiz of four items cannot give each competence its two items.
    tight_lines, tight = bench_placement("--quiz-cap", "4")
    assert tight["endings"]["quiz limit"]["share"] > 0.5
    assert 2 <= tight["per_learner"]["questions"] <= 4
    # ... and leaves most of the bank unasked, which the bench lists.
    assert len(tight["never_asked"]) > len(data["never_asked"])
    total = int(next(x for x in lines if x.startswith("items never")).split()[-1])
    assert f"items never asked: {len(tight['never_asked'])} of {total}" in tight_lines
    listed = " ".join(x for x in tight_lines if x.startswith("  difficulty"))
    assert all(item in listed for item in tight["never_asked"])


def test_bench_placement_what_ifs_change_the_quiz_but_never_claim_the_bar() -> None:
    _, shipped = bench_placement()
    lines, shorter = bench_placement("--max-per-competence", "2")
    assert lines[1] == (
        "what-if run, not the shipped figures: at most 2 items per competence"
    )
    assert shorter["bar_met"] is None
    assert isinstance(shorter["within_bar"], bool)
    assert shorter["max_per_competence"] == 2
    assert shorter["mean_items_pct"] < shipped["mean_items_pct"]
    assert shorter["per_learner"]["questions"] < shipped["per_learner"]["questions"]
    per_learner = next(x for x in lines if x.startswith("per learner (adaptive): "))
    assert per_learner.startswith(
        f"per learner (adaptive): {shorter['per_learner']['questions']:.1f} questions"
    )
    assert "item limit" in shorter["endings"]


def test_bench_placement_can_give_the_engine_the_true_parameters() -> None:
    _, shipped = bench_placement()
    lines, oracle = bench_placement("--parameters", "true")
    assert oracle["parameters"] == "true" and oracle["bar_met"] is None
    assert "the engine knows the true parameters" in lines[1]
    # Same learners and answers, other parameters: other questions asked.
    figures = ("agreement", "accuracy_beyond_05", "mean_items_pct")
    assert [oracle[k] for k in figures] != [shipped[k] for k in figures]


def test_known_truth_gives_the_engine_the_simulated_parameters() -> None:
    bank = {"items": [{"id": "x", "a": 1.0, "b": 0.5, "c": 0.25}], "max_items": 24}
    truth = {"x": {"id": "x", "a": 1.7, "b": 0.2, "c": 0.25}}
    assert known_truth(bank, truth)["items"] == [
        {"id": "x", "a": 1.7, "b": 0.2, "c": 0.25}
    ]
    assert bank["items"][0]["a"] == 1.0  # the shipped bank is left alone


def test_what_if_replaces_only_the_settings_it_is_given() -> None:
    bank = {
        "max_items": 24,
        "randomesque": 3,
        "competences": [{"id": "c", "max_items": 6}],
        "items": [],
    }
    assert what_if(bank) == bank
    changed = what_if(bank, max_per_competence=8, randomesque=1, warmup=0)
    assert changed["competences"] == [{"id": "c", "max_items": 8}]
    assert (changed["max_items"], changed["randomesque"], changed["warmup"]) == (
        24,
        1,
        0,
    )
    assert "warmup" not in bank and bank["randomesque"] == 3


def test_reference_bank_is_the_placement_notes_four_by_ten() -> None:
    template = {
        "grid": {"min": -4.0, "max": 4.0, "step": 0.1},
        "prior": {"mean": 0.0, "sd": 1.0},
        "max_items": 24,
        "randomesque": 3,
        "competences": [{"id": "x", "cut": 0.0, "max_items": 6, "min_items": 2}],
        "items": [],
    }
    bank = reference_bank(0.25, template)
    assert [c["id"] for c in bank["competences"]] == [
        f"reference-{k}" for k in range(1, 5)
    ]
    assert all(c["cut"] == 0.0 and c["max_items"] == 6 for c in bank["competences"])
    first = [i["b"] for i in bank["items"] if i["competence"] == "reference-1"]
    assert first == [-1.5, -1.5, -0.5, -0.5, -0.5, 0.5, 0.5, 0.5, 1.5, 1.5]
    assert len(bank["items"]) == 40
    assert {i["c"] for i in bank["items"]} == {0.25}
    assert {i["a"] for i in bank["items"]} == {1.0}
    assert len({i["family"] for i in bank["items"]}) == 40


def test_bench_placement_runs_the_reference_bank_as_a_what_if() -> None:
    lines, data = bench_placement(
        "--bank", "reference", "--guessing", "0", "--randomesque", "1", "--warmup", "0"
    )
    assert "40 items" in lines[0]
    assert lines[1] == (
        "what-if run, not the shipped figures: the placement note's reference "
        "bank, c = 0.0, next item drawn among the top 1, no warm-up item"
    )
    assert data["bar_met"] is None
    assert (data["bank"], data["guessing"], data["randomesque"], data["warmup"]) == (
        "reference",
        0.0,
        1,
        0.0,
    )


def test_bench_placement_refuses_guessing_for_the_catalogue() -> None:
    args = ["bench", "placement", "--learners", "10", "--guessing", "0"]
    result = run(args, REPO)
    assert result.exit_code == 2
    assert "Add --bank reference, or leave --guessing out." in result.stderr
    assert "simulated learners" not in result.stdout
