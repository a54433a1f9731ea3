"""The ``tisseuse`` command. Each command parses options and calls one function.

Exit codes: 0 success; 1 the sources have errors (or warnings with --strict),
nothing was written; 2 wrong command line; 70 internal error (a bug: please
report it with the traceback).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import click

from builder import __version__
from builder.audit import AUDIT_TARGETS
from builder.diagnostics import BuildError, ExitCode, Report
from builder.messages import DEFAULT_UI_LANG, ui_languages

F = Callable[..., Any]


def _root_option(f: F) -> F:
    return click.option(
        "--root",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path(),
        show_default=".",
        help="Project folder, the one that holds modules/.",
    )(f)


def _strict_option(f: F) -> F:
    return click.option(
        "--strict", is_flag=True, help="Treat warnings as errors (exit 1)."
    )(f)


class UsageProblem(click.ClickException):
    """A wrong command line, said in one line (exit 2, like click's usage errors)."""

    exit_code = ExitCode.USAGE


def _check_ui_lang(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    if value not in ui_languages():
        raise UsageProblem(
            f"there is no interface language '{value}' for --lang: use "
            f"{' or '.join(ui_languages())}; nothing written."
        )
    return value


def _ui_lang_option(f: F) -> F:
    return click.option(
        "--lang",
        "ui_lang",
        default=DEFAULT_UI_LANG,
        show_default=True,
        metavar="LANG",
        callback=_check_ui_lang,
        help="Language of the interface (buttons, labels, the kit's instructions): "
        f"{' or '.join(ui_languages())}. The content keeps its own language.",
    )(f)


def _print_report(report: Report, *, strict: bool) -> None:
    for line in report.lines(strict=strict):
        click.echo(line, err=True)


def _load(root: Path, strict: bool) -> Any:
    """The catalogue, or exit 1 after printing every diagnostic."""
    return _load_with_report(root, strict)[0]


def _load_with_report(root: Path, strict: bool) -> tuple[Any, Report]:
    """The catalogue and its diagnostics (printed), or exit 1 if it has errors."""
    from builder.loader import load_catalogue

    catalogue, report = load_catalogue(root.resolve())
    _print_report(report, strict=strict)
    if catalogue is None or report.failed(strict=strict):
        click.echo(
            f"tisseuse: {report.summary(strict=strict)}; nothing written.", err=True
        )
        sys.exit(ExitCode.CONTENT_ERRORS)
    return catalogue, report


def _echo_err(line: str) -> None:
    click.echo(line, err=True)


def _guarded(action: F, *args: Any, **kwargs: Any) -> Any:
    """Run a build step; a BuildError prints its diagnostics and exits 1."""
    try:
        return action(*args, **kwargs)
    except BuildError as exc:
        _print_report(exc.report, strict=False)
        click.echo(f"tisseuse: {exc}; nothing written.", err=True)
        sys.exit(ExitCode.CONTENT_ERRORS)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tisseuse")
def cli() -> None:
    """Compile French micro-modules into a web preview, SCORM packages and more.

    Sources live in modules/ (YAML). Run 'tisseuse check' after every edit.
    """


@cli.command()
@_root_option
@_strict_option
def check(root: Path, strict: bool) -> None:
    """Validate every source file and report all problems at once."""
    catalogue = _load(root, strict)
    _guarded(_check_theme, catalogue, strict)
    modules, paths = len(catalogue.modules), len(catalogue.paths)
    click.echo(
        f"tisseuse: {modules} module{'s' * (modules != 1)}, "
        f"{paths} path{'s' * (paths != 1)}: no errors.",
        err=True,
    )


def _check_theme(catalogue: Any, strict: bool) -> None:
    """Load the catalogue's default theme: errors raise, warnings are printed."""
    from builder.themes import load_theme

    warnings = Report()
    load_theme(catalogue.root / "themes", catalogue.meta.default_theme, warnings)
    _print_report(warnings, strict=strict)
    if warnings.failed(strict=strict):
        summary = warnings.summary(strict=strict)
        click.echo(f"tisseuse: {summary}; nothing written.", err=True)
        sys.exit(ExitCode.CONTENT_ERRORS)


@cli.command()
@click.argument("targets", nargs=-1)
@_root_option
@_strict_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder (default: dist/ in the project folder).",
)
@click.option("--theme", default=None, help="Theme: a folder name under themes/.")
@_ui_lang_option
@click.option(
    "--base-url",
    default=None,
    metavar="URL",
    help="Where the web version is published (QR codes in the kit); "
    "overrides base_url in catalog.yaml.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def build(**options: Any) -> None:
    """Build TARGETS (default: all). Writes nothing if a source has an error.

    Each target goes to its own subfolder of the output folder (dist/web, ...).
    """
    from builder.build import run_build
    from builder.targets import TARGETS
    from builder.targets.base import missing_requirements

    targets: tuple[str, ...] = options["targets"] or tuple(TARGETS)
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        raise click.BadParameter(
            f"unknown target {', '.join(unknown)}; known: {', '.join(TARGETS)}",
            param_hint="TARGETS",
        )
    missing = {t: r for t in targets if (r := missing_requirements(TARGETS[t]))}
    if missing and options["targets"]:  # asked for by name: say so, build nothing
        for reason in missing.values():
            click.echo(f"tisseuse: {reason}; nothing written.", err=True)
        sys.exit(ExitCode.CONTENT_ERRORS)
    for name, reason in missing.items():  # "all targets": build what can be built
        click.echo(
            f"tisseuse: skipping {name} (dist/{name} left as it was): {reason}",
            err=True,
        )
    targets = tuple(t for t in targets if t not in missing)
    root: Path = options["root"]
    catalogue = _load(root, options["strict"])
    results = _guarded(
        run_build,
        catalogue,
        targets,
        options["out"] or root / "dist",
        theme=options["theme"],
        ui_lang=options["ui_lang"],
        base_url=options["base_url"],
        echo=None if options["quiet"] else _echo_err,
    )
    if not options["quiet"]:
        files = sum(r.files for r in results)
        click.echo(
            f"tisseuse: built {len(results)} target(s), {files} files.", err=True
        )


@cli.command()
@_root_option
@click.option("--port", type=int, default=8000, show_default=True)
@click.option(
    "--no-build", is_flag=True, help="Serve dist/web as it is, without rebuilding."
)
@_ui_lang_option
def preview(root: Path, port: int, no_build: bool, ui_lang: str) -> None:
    """Build the web target, then serve it on 127.0.0.1 until Ctrl+C."""
    from builder.build import run_build
    from builder.preview import serve

    out = root / "dist"
    if not no_build:
        _guarded(
            run_build,
            _load(root, False),
            ("web",),
            out,
            ui_lang=ui_lang,
            echo=_echo_err,
        )
    serve(out / "web", port)


@cli.command()
@_root_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the schemas (default: modules/_schemas).",
)
def schema(root: Path, out: Path | None) -> None:
    """Write JSON Schemas of the source files, for editor completion and checks."""
    from builder.schema import write_schemas

    for path in write_schemas(out or root / "modules" / "_schemas"):
        click.echo(f"wrote {path}", err=True)


@cli.command(name="list")
@_root_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def list_(root: Path, as_json: bool) -> None:
    """Summarise the catalogue: modules, paths and placement items."""
    from builder.summary import summarise, summary_text

    data = summarise(_load(root, False))
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        click.echo(summary_text(data))


@cli.group()
def new() -> None:
    """Create a new source from a template that passes 'tisseuse check'."""


@new.command(name="module")
@click.argument("slug")
@_root_option
@click.option("--title", default=None, help="Module title (French).")
@click.option(
    "--level",
    type=click.Choice(["basic", "standard", "advanced"]),
    default="standard",
    show_default=True,
)
def new_module(slug: str, root: Path, title: str | None, level: str) -> None:
    """Scaffold modules/SLUG/module.yaml with one screen and one activity."""
    from builder.scaffold import ScaffoldError, scaffold_module

    catalogue = _load(root, False)
    try:
        path = scaffold_module(catalogue, slug, title=title, level=level)
    except ScaffoldError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {path}; edit it, then run 'tisseuse check'.", err=True)


@cli.command()
@click.argument(
    "logs",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@_root_option
@click.option(
    "--min-responses",
    type=int,
    default=30,
    show_default=True,
    help="Fewer answers than this: the item keeps its parameters.",
)
@click.option(
    "--write", is_flag=True, help="Write new parameters into modules/placement/."
)
@click.option(
    "--date", default=None, help="Date recorded with the parameters (default: today)."
)
def calibrate(
    logs: tuple[Path, ...],
    root: Path,
    min_responses: int,
    write: bool,
    date: str | None,
) -> None:
    """Re-estimate placement items (a, b) from answer logs (JSON lines).

    Prints every item with its answers, old and new parameters, fit and flags
    (misfit, weak discrimination, too few answers, never asked). With --write,
    updates the bank files in place; review the change with git diff.
    """
    import datetime

    from builder.calibration import read_logs, report_lines
    from builder.placement.bank import whole_catalogue
    from builder.placement.calibrate import calibrate as fit_items

    catalogue = _load(root, False)
    bank = whole_catalogue(catalogue)["engine"]
    report = Report()
    answers = read_logs(logs, {i["id"] for i in bank["items"]}, report)
    _print_report(report, strict=False)
    fits = fit_items(bank, answers, min_responses=min_responses)
    for line in report_lines(fits):
        click.echo(line)
    fitted = [f for f in fits if not {"too few answers", "never asked"} & set(f.flags)]
    summary = {
        "answers": len(answers),
        "learners": len({a[0] for a in answers}),
        "items": len(fits),
        "calibrated": len(fitted),
        "misfit": [f.item for f in fits if "misfit" in f.flags],
        "weak": [f.item for f in fits if "weak discrimination" in f.flags],
        "never_asked": [f.item for f in fits if "never asked" in f.flags],
    }
    click.echo(json.dumps(summary, sort_keys=True))
    if write:
        day = date or datetime.date.today().isoformat()
        _guarded(_write_calibration, catalogue.root, fitted, day)


def _write_calibration(root: Path, fits: list[Any], day: str) -> None:
    from builder.calibration import Edit, write_back
    from builder.yamlpos import parse_yaml

    wanted = {f.item: f for f in fits}
    report = Report()
    for bank_file in sorted((root / "modules" / "placement").glob("*.yaml")):
        doc = parse_yaml(bank_file, bank_file.read_text(encoding="utf-8"), report)
        if doc is None:
            continue
        edits = [
            Edit(index, wanted[item["id"]], day)
            for index, item in enumerate(doc.data["items"])
            if item["id"] in wanted
        ]
        if edits and write_back(bank_file, edits, report):
            click.echo(f"wrote {len(edits)} item(s) in {bank_file}", err=True)
    if report.errors:
        raise BuildError(report, "calibration not written")


@cli.command()
@_root_option
@click.argument("targets", nargs=-1, type=click.Choice(AUDIT_TARGETS))
@click.option(
    "--dist",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder holding the built packages (default: dist/ in the project folder).",
)
@click.option(
    "--only",
    multiple=True,
    metavar="PATTERN",
    help="Audit only the packages (e.g. 't1-*', 'path-soin') or web pages "
    "(e.g. 'modules/t1-*') that match; repeatable.",
)
@click.option(
    "--chromium",
    default="/usr/bin/chromium",
    show_default=True,
    help="Chromium executable (Debian's package by default).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Browsers working in parallel (default: one per CPU core).",
)
def audit(
    root: Path,
    targets: tuple[str, ...],
    dist: Path | None,
    only: tuple[str, ...],
    chromium: str,
    jobs: int | None,
) -> None:
    """Accessibility evidence for every built package (default: web and SCORM).

    Opens every screen in Chromium on a tablet, portrait and landscape, runs
    axe-core and Tisseuse's checks (44 px touch targets, Tab reaches every
    control, visible focus, no sideways scrolling at 320 px or with 200 % text),
    and writes <package>.audit.html and .audit.json next to each package.
    Exits 1 if any serious or critical problem is found.
    """
    from builder.audit.report import write_reports
    from builder.audit.runner import AuditSetupError, as_json, audit_dist

    folder = dist or root / "dist"
    try:
        audits = audit_dist(
            folder,
            targets or AUDIT_TARGETS,
            root,
            chromium,
            click.echo,
            only=only,
            jobs=jobs or os.cpu_count() or 1,
        )
    except AuditSetupError as error:
        click.echo(f"tisseuse audit: {error}", err=True)
        sys.exit(ExitCode.USAGE)
    if not audits:
        click.echo("tisseuse audit: no package matched; nothing audited.", err=True)
        sys.exit(ExitCode.USAGE)
    for item in audits:
        write_reports(item, as_json(item))
    failed = [a for a in audits if a.failing]
    states = sum(len(a.states) for a in audits)
    click.echo(
        f"{len(audits)} package(s), {states} states: "
        + (f"{len(failed)} with serious or critical problems" if failed else "all pass")
        + f"; reports next to each package in {folder}"
    )
    if failed:
        sys.exit(ExitCode.CONTENT_ERRORS)


@cli.group()
def bench() -> None:
    """Measure packages and engines; prints numbers, ends with one JSON line."""


@bench.command(name="scorm")
@_root_option
@click.option(
    "--target",
    "targets",
    type=click.Choice(["scorm12", "scorm2004"]),
    multiple=True,
    help="Which packages (default: both versions).",
)
@click.option("--cpu", type=float, default=4.0, show_default=True, help="CPU slowdown.")
def bench_scorm_command(root: Path, targets: tuple[str, ...], cpu: float) -> None:
    """Zip size, first-page requests and bytes, load time, API calls per package."""
    from builder.bench.scorm import bench_scorm, print_totals

    catalogue = _load(root, False)
    totals = _guarded(
        bench_scorm, catalogue, targets or ("scorm12", "scorm2004"), cpu, click.echo
    )
    print_totals(totals, click.echo)


@bench.command(name="placement")
@_root_option
@click.option("--learners", type=int, default=2000, show_default=True)
@click.option(
    "--worlds",
    type=int,
    default=10,
    show_default=True,
    help="Draws of true item parameters.",
)
@click.option("--seed", type=int, default=2026, show_default=True)
@click.option(
    "--parameters",
    type=click.Choice(["expert", "true"]),
    default="expert",
    show_default=True,
    help="What the engine knows: the expert parameters (as shipped), or the "
    "simulated truth (what a perfect calibration would give).",
)
@click.option(
    "--max-per-competence",
    type=click.IntRange(1),
    default=None,
    help="What-if: at most N items per competence instead of the banks' limit.",
)
@click.option(
    "--quiz-cap",
    type=click.IntRange(1),
    default=None,
    help="What-if: at most N items per quiz instead of the catalogue's limit.",
)
@click.option(
    "--randomesque",
    type=click.IntRange(1),
    default=None,
    help="What-if: draw the next item among the top K (shipped: 3).",
)
@click.option(
    "--warmup",
    type=click.FloatRange(0, 1),
    default=None,
    help="What-if: a competence starts with an item that a learner at the prior "
    "mean gets right with probability ≥ P (shipped: 0.7; 0 = no warm-up item).",
)
@click.option(
    "--bank",
    type=click.Choice(["catalogue", "reference"]),
    default="catalogue",
    show_default=True,
    help="The bundled banks, or the reference bank of the placement note "
    "(4 competences × 10 items), to compare with its published figures.",
)
@click.option(
    "--guessing",
    type=click.FloatRange(0, 0.5),
    default=None,
    help="With --bank reference: every item's guessing parameter c "
    "(0 = no guessing).  [default: 0.25, four options]",
)
def bench_placement_command(
    root: Path,
    learners: int,
    worlds: int,
    seed: int,
    parameters: Literal["expert", "true"],
    max_per_competence: int | None,
    quiz_cap: int | None,
    randomesque: int | None,
    warmup: float | None,
    bank: str,
    guessing: float | None,
) -> None:
    """Simulated learners: agreement, accuracy, harmful skips, items asked.

    The bar (agreement and accuracy ±0.5 ≥ 0.90, harmful skips ≤ 0.01, items
    ≤ 55 % of the bank) is judged on the bundled banks with their settings and
    expert parameters; any other run is a what-if and prints "bar_met": null.
    """
    import json as json_module

    from builder.placement.bank import placement_data, whole_catalogue
    from builder.placement.simulate import (
        Simulation,
        endings_table,
        never_asked_table,
        reference_bank,
        table,
    )

    catalogue = _load(root, False)
    paths = [
        placement_data(catalogue, p)["engine"] for p in catalogue.paths if p.placement
    ]
    items = whole_catalogue(catalogue)["engine"]["items"]
    if guessing is not None and bank != "reference":
        raise click.UsageError(
            "--guessing sets the reference bank's items; the catalogue's come "
            "from their options. Add --bank reference, or leave --guessing out."
        )
    guessing = 0.25 if guessing is None else guessing
    if bank == "reference":
        paths = [reference_bank(guessing, paths[0])]
        items = paths[0]["items"]
    simulation = Simulation(
        items,
        paths,
        learners=learners,
        worlds=worlds,
        seed=seed,
        parameters=parameters,
        max_per_competence=max_per_competence,
        quiz_cap=quiz_cap,
        randomesque=randomesque,
        warmup=warmup,
    )
    shipped = simulation.as_shipped and bank == "catalogue"
    click.echo(
        f"{learners} simulated learners over {len(paths)} path(s) and {worlds} "
        f"worlds, "
        f"{len(items)} items, the engine knowing the {parameters} parameters, "
        f"seed {seed}"
    )
    if not shipped:
        changes = simulation.describe_what_ifs()
        if bank == "reference":
            changes.insert(0, f"the placement note's reference bank, c = {guessing}")
        click.echo(f"what-if run, not the shipped figures: {', '.join(changes)}")
    summaries = simulation.run(click.echo)
    for line in table(summaries):
        click.echo(line)
    per_learner = simulation.tallies["adaptive"].per_learner()
    click.echo(
        f"per learner (adaptive): {per_learner['questions']:.1f} questions, "
        f"{per_learner['skipped']:.2f} competences skipped, "
        f"{per_learner['remediation']:.2f} sent to the basic module first"
    )
    endings = simulation.tallies["adaptive"].ending_summary()
    for line in endings_table(endings):
        click.echo(line)
    never = simulation.never_asked()
    for line in never_asked_table(never, len(items)):
        click.echo(line)
    adaptive = summaries["adaptive"]
    within = (
        adaptive["agreement"] >= 0.90
        and adaptive["accuracy_beyond_05"] >= 0.90
        and adaptive["harmful_skips"] <= 0.01
        and adaptive["mean_items_pct"] <= 0.55
    )
    result = {
        **adaptive,
        "bar_met": within if shipped else None,
        "within_bar": within,
        "endings": endings,
        "per_learner": per_learner,
        "never_asked": sorted(i["id"] for i in never),
        "bank": bank,
        "parameters": parameters,
        "max_per_competence": None,
        "quiz_cap": None,
        "randomesque": None,
        "warmup": None,
        **simulation.what_ifs,
        "learners": learners,
        "seed": seed,
    }
    if bank == "reference":
        result["guessing"] = guessing
    click.echo(json_module.dumps(result, sort_keys=True, ensure_ascii=False))


@cli.group()
def report() -> None:
    """Reports on the catalogue for reviewers and training managers."""


@report.command(name="content")
@_root_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="HTML file to write.  [default: dist/reports/content.html]",
)
@click.option("--json", "as_json", is_flag=True, help="Print the data as JSON instead.")
def report_content(root: Path, out: Path | None, as_json: bool) -> None:
    """Coverage: modules × job families × levels, paths, placement items.

    Writes a self-contained HTML page a training manager can review at a
    glance (and print); --json prints the same data for scripts.
    """
    from builder.report import content_report, content_report_html

    catalogue, diagnostics = _load_with_report(root, False)
    data = content_report(catalogue, diagnostics)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
        return
    target = out if out is not None else root / "dist" / "reports" / "content.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.tmp")
    staging.write_text(content_report_html(data), encoding="utf-8", newline="\n")
    staging.replace(target)
    summary = data["summary"]
    covered = "yes" if summary["every_family_has_a_path"] else "NO"
    click.echo(
        f"{target}: {summary['modules']} modules, {summary['paths']} paths, "
        f"{summary['placement_items']} placement items; every job family has a "
        f"path of 3 modules or more: {covered}"
    )


def main() -> None:
    """Console entry point: content errors exit 1, bugs exit 70 with a traceback."""
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception:
        traceback.print_exc()
        click.echo(
            "tisseuse: internal error (exit 70). This is a bug in Tisseuse, not in "
            "your content: please report it with the lines above.",
            err=True,
        )
        sys.exit(ExitCode.INTERNAL)
    sys.exit(code if isinstance(code, int) else ExitCode.OK)
