"""Fetch a feed by URL without letting the URL reach where it should not.

Only http and https; every hop (redirects included, at most ``max_redirects``) is resolved first
and refused when any address is loopback, private, link-local (cloud metadata), multicast,
reserved or unspecified, unless its host is allow-listed. Connect/read timeouts, a size cap
enforced while streaming, and a content-type check. The client is injectable for tests.

Known limit: the address is checked before httpx connects and httpx resolves the name again, so
a DNS server that answers differently within that instant (rebinding) is not caught.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urljoin, urlsplit

import httpx

from claimwatch.errors import InputError

FEED_CONTENT_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
                      "application/json", "application/feed+json", "application/x-ndjson", "application/jsonl",
                      "text/plain", "application/octet-stream")


class UrlNotAllowed(InputError):
    code = "url-not-allowed"


class FetchFailed(InputError):
    code = "url-fetch-failed"


def resolve_host(host: str) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6)."""
    try:
        return sorted({info[4][0] for info in socket.getaddrinfo(host, None)})
    except socket.gaierror as exc:
        raise FetchFailed(f"cannot resolve {host!r}: {exc}", code="url-unresolvable") from None


def _forbidden(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_reserved
            or ip.is_unspecified or not ip.is_global)


def check_url(url: str, allow_hosts: Iterable[str] = (), resolve: Callable[[str], list[str]] = resolve_host) -> str:
    """Raise ``UrlNotAllowed`` unless ``url`` is http(s) to a public address or an allow-listed host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UrlNotAllowed(f"only http and https URLs are fetched, not {parts.scheme or 'no scheme'!r}",
                            code="url-scheme-not-allowed")
    host = (parts.hostname or "").lower()
    if not host:
        raise UrlNotAllowed("the URL has no host")
    if host in {h.lower() for h in allow_hosts}:
        return host
    addresses = [host] if _is_ip(host) else resolve(host)
    bad = [a for a in addresses if _forbidden(a)]
    if bad:
        raise UrlNotAllowed(f"{host} resolves to a non-public address ({', '.join(bad)}); allow-list the host "
                            "(CLAIMWATCH_FETCH_ALLOW_HOSTS) if it is a trusted internal feed")
    return host


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def fetch_feed(url: str, *, client: httpx.Client | None = None, allow_hosts: Iterable[str] = (),
               max_bytes: int = 20 * 1024 * 1024, max_redirects: int = 5, timeout: float = 10.0,
               resolve: Callable[[str], list[str]] = resolve_host) -> bytes:
    """The body at ``url``, following checked redirects; errors name the URL and what to do."""
    allow = tuple(allow_hosts)
    own = client is None
    client = client or httpx.Client(timeout=httpx.Timeout(timeout, connect=timeout), follow_redirects=False)
    try:
        for _ in range(max_redirects + 1):
            check_url(url, allow, resolve)
            try:
                with client.stream("GET", url, headers={"accept": ", ".join(FEED_CONTENT_TYPES)}) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers.get("location", ""))
                        continue
                    if response.status_code >= 400:
                        raise FetchFailed(f"{url} answered HTTP {response.status_code}")
                    media = response.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
                    if media not in FEED_CONTENT_TYPES:
                        raise FetchFailed(f"{url} serves {media!r}, not a feed", code="url-content-type")
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > max_bytes:
                        raise FetchFailed(f"{url} is {declared} bytes, over the {max_bytes}-byte cap",
                                          code="url-too-large")
                    chunks, size = [], 0
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchFailed(f"{url} exceeds the {max_bytes}-byte cap", code="url-too-large")
                        chunks.append(chunk)
                    return b"".join(chunks)
            except httpx.TimeoutException:
                raise FetchFailed(f"{url} timed out after {timeout} s", code="url-timeout") from None
            except httpx.HTTPError as exc:
                raise FetchFailed(f"cannot fetch {url}: {exc}") from None
        raise FetchFailed(f"more than {max_redirects} redirects from {url}", code="url-too-many-redirects")
    finally:
        if own:
            client.close()


__all__ = ["fetch_feed", "check_url", "resolve_host", "UrlNotAllowed", "FetchFailed", "FEED_CONTENT_TYPES"]
