"""Read a news feed (digest text, JSON Lines, JSON list, RSS/Atom, JSON Feed) into articles."""

from __future__ import annotations

import calendar
import html
import json
import re
from datetime import datetime, timezone
from typing import Any, Literal

import charset_normalizer

from claimwatch.claims.models import Article, content_hash
from claimwatch.claims.text import detect_language
from claimwatch.errors import FeedEmpty, FeedFormatUnknown, FeedMalformed

FeedFormat = Literal["digest", "jsonl", "json", "rss", "jsonfeed"]
FEED_FORMATS: tuple[str, ...] = ("digest", "jsonl", "json", "rss", "jsonfeed")

# "outlet· 2025-12-09 06:37" (a middle dot or bullet, then the local publication time)
_DATELINE = re.compile(r"^(?P<source>\S.*?)\s*[·•・]\s*(?P<date>\d{4}-\d{2}-\d{2})(?:[ T](?P<time>\d{1,2}:\d{2}))?\s*$")
_TAGS = re.compile(r"<[^>]+>")


def decode_feed(data: bytes | str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) first, else a detected encoding (GBK, Big5…)."""
    if isinstance(data, str):
        text = data
    else:
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise FeedMalformed("feed is binary data (NUL bytes), not text", code="feed-not-text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            best = charset_normalizer.from_bytes(data).best()
            if best is None:
                raise FeedMalformed(
                    "feed is not text in any encoding we can detect; re-encode it as UTF-8",
                    code="feed-encoding-unknown",
                ) from None
            text = str(best)
    return text.lstrip("\ufeff")


def detect_format(text: str) -> FeedFormat:
    """Guess the feed format from its first non-blank characters."""
    head = text.lstrip()[:2000]
    if not head:
        raise FeedEmpty("feed is empty")
    if head.startswith("<"):
        return "rss"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        if re.search(r'"version"\s*:\s*"https?://jsonfeed\.org/version/', text[:5000]):
            return "jsonfeed"
        if re.match(r'\{\s*"articles"\s*:\s*\[', head):
            return "json"  # {"articles": [...]}
        return "jsonl"
    if any(_DATELINE.match(line.strip()) for line in text.splitlines()[:400]):
        return "digest"
    raise FeedFormatUnknown(
        "cannot tell the feed format: expected digest text (title / 'outlet· YYYY-MM-DD HH:MM' / body), "
        "JSON Lines, a JSON list, RSS/Atom or JSON Feed; pass the format explicitly"
    )


def parse_feed(data: bytes | str, format: str | None = None) -> list[Article]:
    """Parse a feed into articles in feed order; raise a ``FeedMalformed`` naming the place."""
    text = decode_feed(data)
    if not text.strip():
        raise FeedEmpty("feed is empty")
    fmt = format or detect_format(text)
    if fmt not in FEED_FORMATS:
        raise FeedFormatUnknown(f"unknown feed format {fmt!r}; choose one of {', '.join(FEED_FORMATS)}")
    parser = {
        "digest": _parse_digest,
        "jsonl": _parse_jsonl,
        "json": _parse_json_list,
        "rss": _parse_xml_feed,
        "jsonfeed": _parse_json_feed,
    }[fmt]
    articles = parser(text)
    if not articles:
        raise FeedEmpty(f"feed ({fmt}) holds no article")
    return articles


def make_article(
    *, source: str, title: str, text: str, published: str | None, url: str | None = None,
    id: str | None = None,
) -> Article:
    """Build an ``Article`` with a content-derived id when the feed gives none."""
    source, title, text = source.strip(), title.strip(), text.strip()
    aid = id.strip() if id and id.strip() else "a-" + content_hash(source, title, text)[:12]
    return Article(
        id=aid, source=source, title=title, published=published, text=text, url=url,
        language=detect_language(title + " " + text),
    )


# ---------------------------------------------------------------- digest text

def _parse_digest(text: str) -> list[Article]:
    lines = [line.strip() for line in text.splitlines()]
    datelines = [i for i, line in enumerate(lines) if _DATELINE.match(line)]
    if not datelines:
        raise FeedMalformed("digest feed has no 'outlet· YYYY-MM-DD HH:MM' line")
    articles = []
    for n, i in enumerate(datelines):
        title_at = _previous_nonblank(lines, i)
        if title_at is None:
            raise FeedMalformed(f"line {i + 1}: dateline without a title line before it")
        end = datelines[n + 1] if n + 1 < len(datelines) else len(lines)
        if n + 1 < len(datelines):
            end = _previous_nonblank(lines, datelines[n + 1]) or end  # next title starts there
        body = "\n".join(line for line in lines[i + 1:end] if line)
        if not body:
            raise FeedMalformed(f"line {i + 1}: article '{lines[title_at]}' has no body")
        m = _DATELINE.match(lines[i])
        assert m is not None
        published = m["date"] + (f"T{m['time']:0>5}" if m["time"] else "")
        articles.append(make_article(source=m["source"], title=lines[title_at], text=body, published=published))
    return articles


def _previous_nonblank(lines: list[str], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if lines[j]:
            return j
    return None


# ---------------------------------------------------------------- JSON Lines / JSON list

def _article_from_mapping(obj: Any, where: str) -> Article:
    if not isinstance(obj, dict):
        raise FeedMalformed(f"{where}: expected a JSON object with source, title, text")
    missing = [k for k in ("source", "text") if not isinstance(obj.get(k), str) or not obj[k].strip()]
    if missing:
        raise FeedMalformed(f"{where}: missing or empty field(s): {', '.join(missing)}")
    for key in ("title", "published", "url", "id"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise FeedMalformed(f"{where}: field {key!r} must be a string")
    published = obj.get("published")
    if published:
        published = _normalise_time(published, where)
    return make_article(
        source=obj["source"], title=obj.get("title") or "", text=obj["text"],
        published=published, url=obj.get("url"), id=obj.get("id"),
    )


def _parse_jsonl(text: str) -> list[Article]:
    articles = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FeedMalformed(f"line {n}, column {exc.colno}: invalid JSON ({exc.msg})") from None
        articles.append(_article_from_mapping(obj, f"line {n}"))
    return articles


def _parse_json_list(text: str) -> list[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedMalformed(f"line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})") from None
    except RecursionError:
        raise FeedMalformed("JSON nested too deeply") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if not isinstance(data, list):
        raise FeedMalformed("expected a JSON list of articles")
    return [_article_from_mapping(obj, f"item {n}") for n, obj in enumerate(data)]


def _normalise_time(value: str, where: str) -> str:
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise FeedMalformed(f"{where}: 'published' is not an ISO 8601 time: {value!r}") from None
    return parsed.isoformat(timespec="minutes")


# ---------------------------------------------------------------- JSON Feed 1.x

def _parse_json_feed(text: str) -> list[Article]:
    try:
        feed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedMalformed(f"line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg})") from None
    items = feed.get("items") if isinstance(feed, dict) else None
    if not isinstance(items, list):
        raise FeedMalformed("JSON Feed has no 'items' list")
    feed_title = feed.get("title") if isinstance(feed.get("title"), str) else None
    articles = []
    for n, item in enumerate(items):
        where = f"item {n}"
        if not isinstance(item, dict):
            raise FeedMalformed(f"{where}: expected an object")
        body = item.get("content_text") or _strip_html(item.get("content_html") or "") or item.get("summary") or ""
        authors = item.get("authors") or feed.get("authors") or []
        source = next((a.get("name") for a in authors if isinstance(a, dict) and a.get("name")), None)
        source = source or feed_title
        if not source or not str(body).strip():
            raise FeedMalformed(f"{where}: needs content_text or content_html, and an author or feed title")
        published = item.get("date_published") or item.get("date_modified")
        articles.append(make_article(
            source=str(source), title=str(item.get("title") or ""), text=str(body),
            published=_normalise_time(published, where) if published else None,
            url=item.get("url"), id=str(item["id"]) if item.get("id") is not None else None,
        ))
    return articles


# ---------------------------------------------------------------- RSS / Atom

def _parse_xml_feed(text: str) -> list[Article]:
    import defusedxml.ElementTree as safe_et
    import feedparser
    from defusedxml import DefusedXmlException

    # Refuse DTDs, entity expansion and external entities before feedparser sees the bytes.
    try:
        safe_et.fromstring(text.encode("utf-8"), forbid_dtd=True)
    except DefusedXmlException as exc:
        raise FeedMalformed(f"XML feed refused: {type(exc).__name__} (DTDs and entities are not allowed)",
                            code="feed-xml-forbidden") from None
    except Exception as exc:  # ParseError carries the position
        raise FeedMalformed(f"XML is not well-formed: {exc}") from None
    parsed = feedparser.parse(text.encode("utf-8"))
    if parsed.get("version", "") == "":
        raise FeedFormatUnknown("XML document is neither RSS nor Atom")
    channel = parsed.feed.get("title")
    articles = []
    for n, entry in enumerate(parsed.entries):
        body = ""
        if entry.get("content"):
            body = _strip_html(entry.content[0].get("value", ""))
        body = body or _strip_html(entry.get("summary", "") or entry.get("description", ""))
        source = (entry.get("source") or {}).get("title") or entry.get("author") or channel
        if not source or not body:
            raise FeedMalformed(f"entry {n}: needs a description/content and an author, source or channel title")
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = (
            datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc).isoformat(timespec="minutes")
            if stamp else None
        )
        articles.append(make_article(
            source=source, title=entry.get("title", ""), text=body, published=published,
            url=entry.get("link"), id=entry.get("id"),
        ))
    return articles


def _strip_html(fragment: str) -> str:
    text = _TAGS.sub(" ", fragment)
    return re.sub(r"[ \t]+", " ", html.unescape(text)).strip()


__all__ = ["parse_feed", "detect_format", "decode_feed", "make_article", "FEED_FORMATS", "FeedFormat"]
