"""Tunable thresholds that a rule declares: ``max_words = Param(4, "why this bound")``.

A ``Param`` is a class attribute of a rule. ``Rule.__init__`` replaces it on the
instance with a plain value: the default, or the override that ``Config.rule_params``
names for the rule (``{"counter": {"max_words": 6}}``). A user's own rule declares its
thresholds the same way, and they show in the catalogue like the built-in ones.
Thresholds that several rules or the block features share are ``Config`` fields instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError


@dataclass(frozen=True)
class Param:
    """A named threshold of a rule: its default and one line saying why."""

    default: Any
    doc: str

    def check(self, owner: str, name: str, value: Any) -> Any:
        """``value`` if it fits this parameter (a number where a number is expected)."""
        expected: tuple[type, ...] = (type(self.default),)
        if isinstance(self.default, float):
            expected = (int, float)
        bad = not isinstance(value, expected) or (
            isinstance(value, bool) and not isinstance(self.default, bool)
        )
        if bad:
            raise ConfigError(
                f"parameter {name!r} of rule {owner!r} must be of type "
                f"{type(self.default).__name__}, got {value!r}"
            )
        return value


def declared_params(cls: type) -> dict[str, Param]:
    """The ``Param`` attributes of a class and its bases (a subclass's own win)."""
    found: dict[str, Param] = {}
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, Param):
                found[name] = value
            else:
                found.pop(name, None)  # a plain value overriding a declared parameter
    return found


def check_rule_params(
    rule_params: Mapping[str, Mapping[str, Any]], rules: Mapping[str, type]
) -> None:
    """Raise ``ConfigError`` for a rule or parameter name that ``rules`` (name -> class)
    does not know, or a value of the wrong type."""
    for rule_name, values in rule_params.items():
        rule_cls = rules.get(rule_name)
        if rule_cls is None:
            raise ConfigError(f"rule_params: unknown rule {rule_name!r}")
        params = declared_params(rule_cls)
        for name, value in values.items():
            if name not in params:
                raise ConfigError(
                    f"rule_params: rule {rule_name!r} has no parameter {name!r}; "
                    f"it has {sorted(params)}"
                )
            params[name].check(rule_name, name, value)
