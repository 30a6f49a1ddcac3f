"""The Zyte article-extraction benchmark metric (see shared/benchmarks/zyte/README.md).

Tokens are ``\\w+`` runs; each text becomes a multiset of 4-token shingles (a text of
fewer than 4 tokens is one shingle). Per page: tp/fp/fn are multiset overlaps, divided
by tp+fp+fn so that every page weighs the same. Precision is averaged over pages with a
non-empty prediction, recall over pages with non-empty truth; F1 is their harmonic mean.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


@dataclass(frozen=True)
class PageScore:
    tp: float
    fp: float
    fn: float
    exact: bool
    empty_prediction: bool
    empty_truth: bool

    @property
    def precision(self) -> float:
        return 1.0 if self.tp + self.fp == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        return 1.0 if self.tp + self.fn == 0 else self.tp / (self.tp + self.fn)


def score_page(prediction: str, truth: str) -> PageScore:
    pred, true = shingles(prediction), shingles(truth)
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    exact = _TOKEN.findall(prediction or "") == _TOKEN.findall(truth or "")
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return PageScore(tp, fp, fn, exact, not pred, not true)


@dataclass(frozen=True)
class Summary:
    f1: float
    precision: float
    recall: float
    accuracy: float
    f1_std: float
    n: int


def summarise(pages: list[PageScore], bootstrap: int = 1000, seed: int = 0) -> Summary:
    p, r = _averages(pages)
    f1 = _f1(p, r)
    rng = random.Random(seed)
    samples = []
    for _ in range(bootstrap):
        pick = [pages[rng.randrange(len(pages))] for _ in pages]
        samples.append(_f1(*_averages(pick)))
    mean = sum(samples) / len(samples) if samples else 0.0
    std = (sum((s - mean) ** 2 for s in samples) / len(samples)) ** 0.5 if samples else 0.0
    accuracy = sum(pg.exact for pg in pages) / len(pages) if pages else 0.0
    return Summary(f1, p, r, accuracy, std, len(pages))


def _averages(pages: list[PageScore]) -> tuple[float, float]:
    with_pred = [pg.precision for pg in pages if not pg.empty_prediction]
    with_truth = [pg.recall for pg in pages if not pg.empty_truth]
    p = sum(with_pred) / len(with_pred) if with_pred else 0.0
    r = sum(with_truth) / len(with_truth) if with_truth else 0.0
    return p, r


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(predictions: Mapping[str, str], truth: Mapping[str, str]) -> Summary:
    return summarise([score_page(predictions.get(k, ""), truth[k]) for k in sorted(truth)])
