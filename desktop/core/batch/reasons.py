"""Failures told apart by kind, so a list of 300 failures reads as a few groups."""

from __future__ import annotations

import re

from desktop.core.fetch import DownloadError

OTHER = "other problem"
_STATUS = re.compile(r"\banswered (\d{3})\b")
# (words in a failure's sentence, its group), first match wins; the sentences are fetch's,
# pipeline's and analyser's own.
_PHRASES = (
    (("name or service not known", "nodename nor servname", "temporary failure in name resolution",
      "no address associated", "getaddrinfo failed", "name resolution"), "domain not found"),
    (("did not answer within", "did not finish downloading", "no answer within"), "timed out"),
    (("connection refused",), "connection refused"),
    (("connection reset", "server disconnected", "could not download the page"), "connection dropped"),
    (("not a web page", "no article text", "list of files", "binary data", "holds no text",
      "compression cuttings cannot read", "an rss or atom feed"), "not an article"),
    (("larger than",), "too large"),
    (("analysing this page",), "too slow to analyse"),
    (("redirect",), "redirect loop"),
    (("not a web address", "no web address", "is not an address", "http or https"), "not a web address"),
    (("cannot read", "no such file"), "file not readable"),
)


def reason_group(error: BaseException | str) -> str:
    """The short kind of a failure, from the error or its one-sentence reason: "page not found
    (404)", "page gone (410)", "refused (403)", "too many requests (429)", "server error",
    "timed out", "domain not found", "connection refused", "connection dropped", "not an
    article", "too large", "too slow to analyse", "redirect loop", "not a web address", "file
    not readable", or OTHER."""
    status = getattr(error, "status", None) if isinstance(error, DownloadError) else None
    text = str(error).lower()
    if status is None and (match := _STATUS.search(text)):
        status = int(match.group(1))
    if status is not None:
        return _status_group(status)
    return next((group for words, group in _PHRASES if any(w in text for w in words)), OTHER)


def _status_group(status: int) -> str:
    if status == 404:
        return "page not found (404)"
    if status == 410:
        return "page gone (410)"
    if status in (401, 403, 451):
        return f"refused ({status})"
    if status == 429:
        return "too many requests (429)"
    if status >= 500:
        return "server error"
    return f"site answered {status}"
