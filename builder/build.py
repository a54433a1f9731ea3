"""Run targets: every target writes into a staging folder; only when all of
them succeed are their folders moved into the output folder. A failed build
therefore leaves the output folder exactly as it was.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from builder.diagnostics import BuildError, Report
from builder.images import ImagePipeline, default_cache_dir
from builder.messages import DEFAULT_UI_LANG
from builder.model import Catalogue
from builder.targets import TARGETS, BuildContext
from builder.themes import load_theme

Echo = Callable[[str], None]


@dataclass(frozen=True)
class TargetResult:
    name: str
    files: int
    size: int
    seconds: float

    def line(self) -> str:
        files = f"{self.files} file{'s' * (self.files != 1)}"
        return f"{self.name}: {files}, {_size(self.size)} in {self.seconds:.2f} s"


def run_build(
    catalogue: Catalogue,
    targets: tuple[str, ...],
    out_root: Path,
    *,
    theme: str | None = None,
    ui_lang: str = DEFAULT_UI_LANG,
    base_url: str | None = None,
    echo: Echo | None = None,
    images: ImagePipeline | None = None,
) -> list[TargetResult]:
    """Build ``targets`` into ``out_root/<target>``; raise BuildError on failure.

    ``images`` defaults to a pipeline cached in ``default_cache_dir``.
    """
    say = echo or (lambda _line: None)
    theme_warnings = Report()
    theme_obj = load_theme(
        catalogue.root / "themes",
        theme or catalogue.meta.default_theme,
        theme_warnings,
    )
    for line in theme_warnings.lines():
        say(line)
    pipeline = images or ImagePipeline(default_cache_dir(catalogue.root))
    out_root = out_root.resolve()
    out_root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(
        tempfile.mkdtemp(prefix=f".{out_root.name}-staging-", dir=out_root.parent)
    )
    try:
        results = []
        for index, name in enumerate(targets, start=1):
            say(f"[{index}/{len(targets)}] {name}: building…")
            ctx = BuildContext(
                out=staging / name,
                theme=theme_obj,
                ui_lang=ui_lang,
                base_url=base_url,
                images=pipeline,
            )
            started = time.perf_counter()
            files = TARGETS[name]().build(catalogue, ctx)
            if ctx.report.errors:
                raise BuildError(ctx.report, f"target {name} failed")
            for line in ctx.report.lines():
                say(line)
            result = TargetResult(
                name,
                len(files),
                sum(f.stat().st_size for f in files),
                time.perf_counter() - started,
            )
            say(f"[{index}/{len(targets)}] {result.line()}")
            results.append(result)
        if summary := pipeline.stats.line():
            say(summary)
        _swap_in(staging, out_root, targets)
        return results
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap_in(staging: Path, out_root: Path, targets: tuple[str, ...]) -> None:
    out_root.mkdir(parents=True, exist_ok=True)
    for name in targets:
        final = out_root / name
        if final.exists():
            old = staging / f".old-{name}"
            final.rename(old)
        (staging / name).rename(final)


def _size(size: int) -> str:
    return f"{size / 1024:.1f} KB" if size < 1024 * 1024 else f"{size / 1048576:.2f} MB"
