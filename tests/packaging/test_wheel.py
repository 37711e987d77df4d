"""The published package as a user gets it: the wheel's metadata (license file, URLs, classifiers, no development
tools, no auto-loaded pytest plugin), the README as a PyPI page, and a clean venv holding only the wheel and its
runtime dependencies, where `import imbrace`, `imbrace --help`, `imbrace call ... --help` and `imbrace emulator --help`
work and the emulator says which extra it needs. One build and one venv per run (uv when present, else venv + pip)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV_TOOLS = {"mypy", "ruff", "pytest", "openapi-python-client", "hypothesis", "vcrpy", "pytest-benchmark"}
EMULATOR_LIBS = {"starlette", "uvicorn", "openapi-core", "pyyaml", "python-multipart"}


def _run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600, cwd=cwd, check=False)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    uv = shutil.which("uv")
    if uv:
        built = _run(uv, "build", "--wheel", "--out-dir", out, ROOT)
    else:
        builder = tmp_path_factory.mktemp("builder") / "venv"
        _run(sys.executable, "-m", "venv", builder)
        built = _run(builder / "bin" / "python", "-m", "pip", "wheel", "--no-deps", "-w", out, ROOT)
    assert built.returncode == 0, built.stderr
    (path,) = out.glob("imbrace-*.whl")
    return path


@pytest.fixture(scope="module")
def clean_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A venv with the wheel and its runtime dependencies only; yields its bin directory."""
    venv = tmp_path_factory.mktemp("clean") / "venv"
    uv = shutil.which("uv")
    if uv:
        steps = [
            (uv, "venv", "--quiet", venv),
            (uv, "pip", "install", "--quiet", "--python", venv / "bin/python", wheel),
        ]
    else:
        steps = [(sys.executable, "-m", "venv", venv), (venv / "bin/python", "-m", "pip", "install", "--quiet", wheel)]
    for step in steps:
        done = _run(*step)
        assert done.returncode == 0, done.stderr
    yield venv / "bin"


def _metadata(wheel: Path) -> tuple[dict[str, list[str]], zipfile.ZipFile]:
    archive = zipfile.ZipFile(wheel)
    name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    message = Parser().parsestr(archive.read(name).decode())
    fields: dict[str, list[str]] = {}
    for key, value in message.items():
        fields.setdefault(key, []).append(value)
    return fields, archive


def test_the_wheel_carries_the_license_urls_and_classifiers(wheel: Path) -> None:
    fields, archive = _metadata(wheel)
    assert fields["License-Expression"] == ["MIT"]
    assert fields["License-File"] == ["LICENSE"]
    license_text = next(archive.read(n) for n in archive.namelist() if n.endswith("/licenses/LICENSE")).decode()
    assert license_text == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License") and "Permission is hereby granted" in license_text
    urls = dict(url.split(", ", 1) for url in fields["Project-URL"])
    assert {"Homepage", "Repository", "Issues", "Documentation"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())
    assert any(c.startswith("Development Status :: ") for c in fields["Classifier"])


def test_no_development_tool_is_published_and_no_plugin_loads_itself(wheel: Path) -> None:
    fields, archive = _metadata(wheel)
    assert fields["Provides-Extra"] == ["emulator"]
    required = {re.split(r"[<>=;\[ ]", line, maxsplit=1)[0].lower() for line in fields["Requires-Dist"]}
    assert required == {"httpx", "pydantic", "typing-extensions"} | EMULATOR_LIBS
    assert not required & DEV_TOOLS
    entry_points = next(archive.read(n) for n in archive.namelist() if n.endswith("entry_points.txt")).decode()
    assert "pytest11" not in entry_points and "imbrace = imbrace.cli:main" in entry_points


def test_the_readme_is_a_pypi_page(wheel: Path) -> None:
    archive = _metadata(wheel)[1]
    name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    description = archive.read(name).decode().split("\n\n", 1)[1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert description.strip() == readme.strip()
    blocks = re.findall(r"```(\w+)\n(.*?)```", readme, re.DOTALL)
    assert blocks[0] == ("bash", "pip install imbrace\n")
    assert blocks[1][0] == "python" and "ImbraceClient(" in blocks[1][1]
    head = readme[: readme.index("## ", 1)]
    assert "scripts/demo" in head and "scripts/test" in head
    targets = re.findall(r"\]\(([^)]+)\)", readme) + re.findall(r"<img[^>]+src=\"([^\"]+)\"", readme)
    assert targets and all(t.startswith(("https://", "#")) for t in targets), targets


def test_a_clean_venv_with_only_the_wheel_runs_the_commands(clean_venv: Path) -> None:
    installed = _run(
        clean_venv / "python", "-c", "import importlib.metadata as m; print([d.name for d in m.distributions()])"
    )
    names = {n.lower() for n in re.findall(r"'([^']+)'", installed.stdout)}
    assert "imbrace" in names and not names & (DEV_TOOLS | EMULATOR_LIBS), names
    imported = _run(clean_venv / "python", "-c", "import imbrace; print(imbrace.__version__)")
    assert imported.returncode == 0 and imported.stdout.strip()
    top = _run(clean_venv / "imbrace", "--help")
    assert top.returncode == 0 and "boards" in top.stdout
    call_help = _run(clean_venv / "imbrace", "call", "boards.list_items", "--help")
    assert call_help.returncode == 0 and "BOARD_ID" in call_help.stdout
    emulator_help = _run(clean_venv / "imbrace", "emulator", "--help")
    assert emulator_help.returncode == 0 and "--port" in emulator_help.stdout
    for command in ((clean_venv / "imbrace", "emulator"), (clean_venv / "python", "-m", "imbrace.emulator")):
        served = _run(*command, "--port", "0")
        assert served.returncode == 1
        assert "pip install 'imbrace[emulator]'" in served.stderr and "Traceback" not in served.stderr


def test_the_wheel_carries_every_spec_the_emulator_serves(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    bundled = {"gateway.yaml", "ai-agent.yaml", "vendor/mounts.yaml", "vendor/overlays/common.yaml"}
    bundled |= {
        f"vendor/{service}.json" for service in ("channel", "data-board", "marketplace", "platform", "workflow")
    }
    bundled |= {f"vendor/overlays/{service}.yaml" for service in ("channel", "data-board", "marketplace", "platform")}
    assert {f"imbrace/emulator/specs/{name}" for name in bundled} <= names


def test_the_fixtures_without_the_extra_say_which_to_install(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        "import sys\n"
        "for name in ('starlette', 'uvicorn', 'openapi_core', 'yaml'):\n"
        "    sys.modules[name] = None  # as if the extra were not installed\n"
        "pytest_plugins = ['imbrace.testing']\n"
    )
    (tmp_path / "test_app.py").write_text("def test_uses_the_client(imbrace_client):\n    pass\n")
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    result = _run(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", tmp_path, cwd=tmp_path)
    assert result.returncode == 1
    assert "the imbrace fixtures need the emulator: pip install 'imbrace[emulator]'" in result.stdout


def test_development_tools_are_a_dependency_group_with_exact_codegen_pins() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    group = project["dependency-groups"]["dev"]
    assert set(project["project"]["optional-dependencies"]) == {"emulator"}
    for pin in ("openapi-python-client==", "ruff==", "mypy=="):
        assert any(requirement.startswith(pin) for requirement in group), pin
    bootstrap = (ROOT / "scripts" / "bootstrap").read_text(encoding="utf-8")
    assert '["dependency-groups"]["dev"]' in bootstrap and '-e ".[emulator]"' in bootstrap
