"""Site templates: paragraphs that recur on many pages of one site.

A single page cannot tell a site's footer from its article; a batch of pages from the
same site can. The batch command counts, in a first pass, on how many pages of each host
every normalised paragraph occurs, and passes the fingerprints of those that recur often
to the pipeline through ``Config.site_templates``. This rule only looks the fingerprints
up: it keeps no state and knows nothing about the batch.

A fingerprint covers the host and the paragraph, so one set serves a batch of many
sites: a line that is template on one site is left alone on another.
"""

from __future__ import annotations

import hashlib
import posixpath
from urllib.parse import unquote, urlsplit

import regex

from .base import Document, Rule, quote

# Digits are folded so that "© 2023" and "© 2024", "12 comments" and "3 comments" match.
_DIGITS = regex.compile(r"\d+")
_NON_WORD = regex.compile(r"[\W_]+")
#: Size of a paragraph fingerprint: 64 bits keep chance collisions out of any batch.
FINGERPRINT_BYTES = 8


def normalise_paragraph(text: str) -> str:
    """Casefolded words, digit runs as 0, punctuation and spacing as single spaces."""
    return _NON_WORD.sub(" ", _DIGITS.sub("0", text.casefold())).strip()


def site_host(url: str | None) -> str:
    """The "site" a page belongs to, for template counting.

    The host name of an http(s) URL without ``www.`` and port; the parent directory of
    a ``file:`` URL (a folder of saved pages stands for one site); "" when unknown.
    """
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        if parts.scheme == "file":
            return posixpath.dirname(unquote(parts.path))
        host = (parts.hostname or "").rstrip(".")
    except ValueError:  # a malformed URL (bad port, bad IPv6 literal) names no site
        return ""
    return host.removeprefix("www.")


def fingerprint(host: str, text: str) -> str | None:
    """The fingerprint of a paragraph on ``host``; None for a paragraph without words."""
    norm = normalise_paragraph(text)
    if not norm:
        return None
    digest = hashlib.blake2b(f"{host}\n{norm}".encode(), digest_size=FINGERPRINT_BYTES)
    return digest.hexdigest()


class SiteTemplate(Rule):
    name = "site_template"
    family = "templates"
    description = (
        "A paragraph that recurs on many pages of the same site (menus, footers, "
        "standing notices), as counted over a batch: its fingerprint is in "
        "Config.site_templates."
    )

    def apply(self, doc: Document) -> None:
        known = self.config.site_templates
        if not known:
            return
        host = site_host(doc.url)
        where = f"pages of {host}" if host else "pages of the batch"
        for block in doc.kept():
            if block.pruned:
                continue
            if fingerprint(host, block.text) in known:
                self.remove(block, f"recurs on many {where} {quote(block.text)}")


RULES = (SiteTemplate,)
