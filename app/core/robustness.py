"""Robustness score: does a code still scan once the real world has had its way with it?

A clean export that one reader decodes says little about a code on a poster across a dim room. This module
puts a picture of the code through the conditions codes meet between the printer and the phone
(:data:`CONDITIONS`) and asks every reader (:mod:`app.core.decoders`) to read each result. The answer is
"survives N of M conditions on K readers", with the weakest condition named.

Conditions are measured in modules, not pixels, so a code drawn at any size meets the same world; each is
a plain function of (picture, pixels per module, random generator). The generator is seeded from the
score's seed and the condition's name, so a score is deterministic, and adding a condition never changes
the others. A condition counts as survived when every reader that supports the symbol reads the exact text
in most of :data:`TRIALS` seeded variants of it.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from app.core import decoders as readers
from app.core.encode import QrCode
from app.core.render import render_image
from app.core.spec import Style

Grey = np.ndarray  # 2-D uint8, 255 = white
ConditionFn = Callable[[Grey, float, np.random.Generator], Grey]

SCORE_PX = 8  # pixels per module a code is drawn at before the conditions (shapes need a few pixels)
SENSOR_NOISE = 3.0  # grey levels of noise every camera adds
TRIALS = 3  # seeded variants per condition (turn, phase, noise); a reader survives it by reading most


def _to_module_px(grey: Grey, px: float, target: float) -> tuple[Image.Image, float]:
    """``grey`` resampled so one module spans ``target`` pixels (Pillow's antialiased bilinear)."""
    image = Image.fromarray(grey)
    factor = target / px
    size = (max(8, round(image.width * factor)), max(8, round(image.height * factor)))
    return image.resize(size, Image.Resampling.BILINEAR), target


def _noise(image: Image.Image | Grey, rng: np.random.Generator, sigma: float = SENSOR_NOISE) -> Grey:
    pixels = np.asarray(image, dtype=np.float64)
    return np.clip(pixels + rng.normal(0.0, sigma, pixels.shape), 0, 255).astype(np.uint8)


def small(grey: Grey, px: float, rng: np.random.Generator) -> Grey:
    """Far away or printed small: 2.5 px per module, off the pixel grid by a random fraction of a pixel."""
    shift = Image.fromarray(grey).transform(
        (grey.shape[1], grey.shape[0]), Image.Transform.AFFINE,
        (1, 0, float(rng.uniform(0, px)), 0, 1, float(rng.uniform(0, px))),
        Image.Resampling.BILINEAR, fillcolor=255)
    image, _ = _to_module_px(np.asarray(shift), px, 2.5)
    return _noise(image, rng)


def blur(grey: Grey, px: float, rng: np.random.Generator) -> Grey:
    """Out of focus or shaken: a Gaussian blur of 0.35 modules."""
    image = Image.fromarray(grey).filter(ImageFilter.GaussianBlur(0.35 * px))
    return _noise(image, rng)


def jpeg(grey: Grey, px: float, rng: np.random.Generator) -> Grey:
    """Sent through a chat app: 3 px per module and JPEG at quality 10."""
    image, _ = _to_module_px(_noise(grey, rng), px, 3.0)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=10)
    return np.asarray(Image.open(out).convert("L"))


def tilt(grey: Grey, px: float, rng: np.random.Generator) -> Grey:
    """Seen at an angle (about 35 degrees): the far edge 20 % shorter, turned by up to 20 degrees, 4 px/module."""
    import cv2

    image, _ = _to_module_px(grey, px, 4.0)
    src = np.asarray(image)
    h, w = src.shape
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    side = int(rng.integers(4))  # which edge recedes
    squeeze = np.zeros((4, 2), np.float32)
    near, far = (side, (side + 1) % 4)
    along = corners[far] - corners[near]
    squeeze[near] += 0.1 * along
    squeeze[far] -= 0.1 * along
    angle = np.deg2rad(rng.uniform(-20, 20))
    turn = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]], dtype=np.float32)
    seen = (corners + squeeze - (w / 2, h / 2)) @ turn.T + (w / 2, h / 2)
    pad = 0.3 * max(w, h)
    seen = seen + pad
    matrix = cv2.getPerspectiveTransform(corners, seen.astype(np.float32))
    out = cv2.warpPerspective(src, matrix, (int(w + 2 * pad), int(h + 2 * pad)), flags=cv2.INTER_LINEAR,
                              borderValue=255)
    return _noise(out, rng)


def dim(grey: Grey, px: float, rng: np.random.Generator) -> Grey:
    """Dim light: the picture's contrast falls below half, light falls off across it, the sensor is noisy."""
    pixels = np.asarray(grey, dtype=np.float64)
    falloff = np.linspace(1.0, 0.75, pixels.shape[1])[None, :]
    return _noise(40 + pixels * 0.45 * falloff, rng, sigma=2 * SENSOR_NOISE)


def dot_gain(grey: Grey, px: float, rng: np.random.Generator) -> Grey:
    """Printed on absorbent paper: ink spreads a quarter module into the light modules around it."""
    grow = max(1, round(0.25 * px))
    image = Image.fromarray(grey).filter(ImageFilter.MinFilter(2 * grow + 1))
    image = image.filter(ImageFilter.GaussianBlur(0.15 * px))
    return _noise(image, rng)


def smudge(grey: Grey, px: float, rng: np.random.Generator) -> Grey:
    """A thumb print or a scratch: a grey blob over 4 % of the symbol, placed at random away from the eyes."""
    h, w = grey.shape
    image = Image.fromarray(grey)
    # The symbol is the picture less its quiet zone; the blob stays out of the corners where the eyes are.
    radius = 0.2 * min(w, h) * 0.56
    cx = float(rng.uniform(0.35, 0.65)) * w
    cy = float(rng.uniform(0.35, 0.65)) * h
    layer = Image.new("L", image.size, 0)
    ImageDraw.Draw(layer).ellipse((cx - radius * 1.3, cy - radius * 0.75, cx + radius * 1.3, cy + radius * 0.75),
                                  fill=255)
    layer = layer.filter(ImageFilter.GaussianBlur(0.3 * px))
    image.paste(Image.new("L", image.size, 110), mask=layer)
    return _noise(image, rng)


class Cancelled(Exception):
    """A score was stopped by its caller (the code it was for is no longer shown)."""


@dataclass(frozen=True)
class Condition:
    name: str
    label: str  # what a user reads, e.g. "blur"
    apply: ConditionFn


CONDITIONS: tuple[Condition, ...] = (
    Condition("small", "2.5 px per module", small),
    Condition("blur", "blur", blur),
    Condition("jpeg", "JPEG quality 10", jpeg),
    Condition("tilt", "perspective tilt", tilt),
    Condition("dim", "dim light", dim),
    Condition("dot_gain", "print dot gain", dot_gain),
    Condition("smudge", "smudge", smudge),
)


@dataclass
class RobustnessReport:
    """Which readers read the code clean and under each condition."""

    expected: str
    readers: tuple[str, ...]  # the readers counted (installed and able to read this symbology)
    skipped: dict[str, str] = field(default_factory=dict)  # reader → why it was not counted
    clean: dict[str, bool] = field(default_factory=dict)  # reader → reads the undisturbed picture
    results: dict[str, dict[str, bool]] = field(default_factory=dict)  # condition → reader → read it

    @property
    def survived(self) -> list[str]:
        """Conditions every counted reader read."""
        return [c for c, by in self.results.items() if self.readers and all(by.get(r) for r in self.readers)]

    def read_by(self, condition: str) -> int:
        return sum(bool(v) for r, v in self.results[condition].items() if r in self.readers)

    @property
    def weakest(self) -> str | None:
        """The condition the fewest readers survive (first in :data:`CONDITIONS` order on a tie), judged by the
        readers that read the undisturbed code: one that cannot fails every condition and says nothing about
        which is weakest. ``None`` when those readers survive everything."""
        readable = [r for r in self.readers if self.clean.get(r)]
        failing = [c for c, by in self.results.items() if any(not by.get(r) for r in readable)]
        return min(failing, key=lambda c: self.read_by(c)) if failing else None

    def per_reader(self, reader: str) -> int:
        """How many conditions ``reader`` survives."""
        return sum(bool(by.get(reader)) for by in self.results.values())

    def summary(self) -> str:
        """E.g. ``survives 6 of 7 conditions on 3 readers; weakest: smudge (read by 1 of 3)``."""
        k = len(self.readers)
        text = f"survives {len(self.survived)} of {len(self.results)} conditions on {k} reader{'s' * (k != 1)}"
        unread = [readers.DECODERS[r].label for r in self.readers if not self.clean.get(r)]
        if unread:
            text += f"; {', '.join(unread)} cannot read it even undisturbed"
        weakest = self.weakest
        if weakest is not None:
            text += f"; weakest: {label_of(weakest)} (read by {self.read_by(weakest)} of {k})"
        return text


def label_of(name: str) -> str:
    return next(c.label for c in CONDITIONS if c.name == name)


def _rng(seed: int, name: str) -> np.random.Generator:
    digest = hashlib.sha256(f"{seed}:{name}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


def _reads(grey: Grey, reader: str, expected: str) -> bool:
    return any(found.text == expected for found in readers.read(np.ascontiguousarray(grey), reader))


def score_image(image: Image.Image | Grey, expected: str, module_px: float, *, symbology: str = readers.QR,
                decoders: Sequence[str] | None = None, conditions: Sequence[Condition] = CONDITIONS,
                seed: int = 0, trials: int = TRIALS,
                cancelled: Callable[[], bool] | None = None) -> RobustnessReport:
    """Score a picture of one code (its quiet zone included) drawn at ``module_px`` pixels per module.

    ``cancelled`` is asked between conditions; when it says so the score stops with :class:`Cancelled`.

    A picture with larger modules is first shrunk to :data:`SCORE_PX` per module: the conditions are the
    same in modules, and a scanned poster would otherwise cost seconds per condition."""
    grey = image if isinstance(image, np.ndarray) else _grey(image)
    if module_px > SCORE_PX * 1.25:
        shrunk, module_px = _to_module_px(grey, module_px, SCORE_PX)
        grey = np.asarray(shrunk)
    wanted = list(decoders) if decoders is not None else list(readers.DECODERS)
    counted: list[str] = []
    skipped: dict[str, str] = {}
    for name in wanted:
        reason = readers.unavailable_reason(name)
        if reason is None and symbology not in readers.DECODERS[name].symbologies:
            reason = f"{readers.DECODERS[name].label} does not read {symbology} codes"
        if reason is None:
            counted.append(name)
        else:
            skipped[name] = reason
    report = RobustnessReport(expected=expected, readers=tuple(counted), skipped=skipped)
    report.clean = {r: _reads(grey, r, expected) for r in counted}
    for condition in conditions:
        votes = dict.fromkeys(counted, 0)
        for trial in range(trials):
            if cancelled is not None and cancelled():
                raise Cancelled
            seen = condition.apply(grey, float(module_px), _rng(seed, f"{condition.name}:{trial}"))
            for r in counted:
                votes[r] += _reads(seen, r, expected)
        report.results[condition.name] = {r: votes[r] * 2 > trials for r in counted}
    return report


def score_code(code: QrCode, style: Style, *, decoders: Sequence[str] | None = None, seed: int = 0,
               conditions: Sequence[Condition] = CONDITIONS, trials: int = TRIALS,
               cancelled: Callable[[], bool] | None = None) -> RobustnessReport:
    """Score a code as QRDesk draws it with ``style`` (at :data:`SCORE_PX` pixels per module)."""
    image = render_image(code, style, SCORE_PX)
    symbology = readers.MICRO_QR if code.micro else readers.QR
    return score_image(image, code.data, SCORE_PX, symbology=symbology, decoders=decoders, seed=seed,
                       conditions=conditions, trials=trials, cancelled=cancelled)


def _grey(image: Image.Image) -> Grey:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        flat = Image.new("RGBA", image.size, (255, 255, 255, 255))
        flat.alpha_composite(image.convert("RGBA"))
        image = flat
    return np.asarray(image.convert("L"))


def report_columns(report: RobustnessReport | None) -> dict[str, str]:
    """Columns a batch report (CSV) can add per row: the summary, the count and the weakest condition.

    For a batch, ``report_columns(score_code(code, style, trials=1))`` per good row costs about 0.5 s of one
    core per code (three readers x seven conditions); ``None`` gives the empty columns of a row not scored."""
    if report is None:
        return {"robustness": "", "conditions_survived": "", "weakest_condition": ""}
    weakest = report.weakest
    return {"robustness": report.summary(),
            "conditions_survived": f"{len(report.survived)}/{len(report.results)}",
            "weakest_condition": label_of(weakest) if weakest else ""}
