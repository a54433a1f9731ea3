"""A learner driving the player by touch or by keyboard only.

Used by ``tisseuse audit`` to reach every state of a module (feedback shown,
summary) and by the browser tests to play modules as a person would.

Answers come from the module's own answer key (read from the page), so the
same learner plays any module, and can answer wrongly on purpose.
"""

from __future__ import annotations

from typing import Any, Literal

from playwright.sync_api import Frame, Page, expect

Mode = Literal["touch", "keyboard"]


class Learner:
    """Plays the module in ``doc``: the page itself, or the frame of an LMS."""

    def __init__(self, page: Page, mode: Mode, doc: Page | Frame | None = None) -> None:
        self.page = page
        self.mode = mode
        self.doc: Page | Frame = doc or page

    # --- reading the player -------------------------------------------------

    @property
    def module(self) -> dict[str, Any]:
        module: dict[str, Any] = self.doc.evaluate("Tisseuse.player.module")
        return module

    def heading(self) -> str:
        return self.doc.locator("#ts-screen-title").inner_text()

    def expect_heading(self, title: str, where: str) -> None:
        """The screen titled ``title`` is shown (the player may first wait for
        an answer to be evaluated by a server)."""
        try:
            expect(self.doc.locator("#ts-screen-title")).to_have_text(title)
        except AssertionError as error:
            raise AssertionError(f"{where}: {error}") from None

    def state(self) -> dict[str, Any]:
        state: dict[str, Any] = self.doc.evaluate(
            "({index: Tisseuse.player.state.index, atEnd: Tisseuse.player.state.atEnd,"
            " answers: Tisseuse.player.state.answers})"
        )
        return state

    # --- acting ---------------------------------------------------------------

    def activate(self, selector: str) -> None:
        """Tap a control, or reach it with Tab and press Enter (Space for boxes)."""
        target = self.doc.locator(selector).first
        if self.mode == "touch":
            target.tap()
            return
        self._tab_to(selector)
        kind = target.evaluate("el => el.type || ''")
        self.page.keyboard.press("Space" if kind in ("checkbox", "radio") else "Enter")

    def choose_radio(self, input_id: str) -> None:
        """Select a radio: tap its label, or Tab into its group and use arrows."""
        if self.mode == "touch":
            self.doc.locator(f'label[for="{input_id}"]').tap()
            return
        name = self.doc.locator(f"#{input_id}").get_attribute("name")
        self._tab_to(f'input[type=radio][name="{name}"]')
        for _ in range(8):
            if self.doc.evaluate(f"document.activeElement.id === {input_id!r}"):
                break
            self.page.keyboard.press("ArrowDown")
        self.page.keyboard.press("Space")
        assert self.doc.locator(f"#{input_id}").is_checked()

    def _tab_to(self, selector: str, limit: int = 120) -> None:
        handles = self.doc.locator(selector).element_handles()
        for _ in range(limit):
            if any(
                self.doc.evaluate("el => document.activeElement === el", h)
                for h in handles
            ):
                return
            self.page.keyboard.press("Tab")
        raise AssertionError(f"{selector} cannot be reached with the Tab key")

    def next(self) -> None:
        self.activate(".ts-next")

    # --- answering --------------------------------------------------------------

    def answer(self, screen: dict[str, Any], right: bool = True) -> None:
        activity, key = screen["activity"], self.module["key"][screen["id"]]
        uid = f"ts-{screen['id']}"
        kind = activity["type"]
        if kind == "single_choice":
            wrong = [
                o["id"] for o in activity["options"] if o["id"] not in key["correct"]
            ]
            self.choose_radio(f"{uid}-{key['correct'][0] if right else wrong[0]}")
        elif kind == "multiple_choice":
            for option in key["correct"] if right else key["correct"][:-1]:
                self.activate(f"#{uid}-{option}")
        elif kind == "ordering":
            order = key["order"] if right else list(reversed(key["order"]))
            for step in order:
                self.activate(f'.ts-order-pool [data-step="{step}"]')
        elif kind == "categorise":
            for index, item in enumerate(activity["items"]):
                category = key["answer"][item["id"]]
                if not right and index == 0:
                    category = next(
                        c["id"] for c in activity["categories"] if c["id"] != category
                    )
                self.choose_radio(f"{uid}-{index}-{category}")
        elif kind == "spot_the_problem":
            every = [s["id"] for s in activity["segments"] if s["id"]]
            for segment in (
                key["problems"] if right else every
            ):  # wrong: false alarms too
                self.activate(f'[data-segment="{segment}"]')
        elif kind == "scenario":
            self._play_story(activity, key, right)
            return
        self.activate(f'[data-screen="{screen["id"]}"] .ts-check')

    def _play_story(
        self, activity: dict[str, Any], key: dict[str, Any], right: bool
    ) -> None:
        nodes = {n["id"]: n for n in activity["nodes"]}
        node = activity["nodes"][0]
        while node["choices"]:
            good = key["nodes"][node["id"]]["correct"]
            pick = next(c for c in node["choices"] if (c["id"] in good) == right)
            self.activate(f'[data-choice="{pick["id"]}"]')
            following = nodes.get(pick["next"]) if pick["next"] else None
            if not following or not following["choices"]:
                break
            self.activate(".ts-story-next")
            node = following

    def play_to_the_end(self, right: bool = True) -> None:
        screens = self.module["screens"]
        for index, screen in enumerate(screens):
            self.expect_heading(screen["title"], f"screen {index}")
            if screen["activity"]:
                self.answer(screen, right=right)
            self.next()
        summary = self.doc.evaluate("Tisseuse.t('summary_title')")
        self.expect_heading(summary, "no summary after the last screen")
