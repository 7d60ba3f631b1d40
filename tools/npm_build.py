"""The plumbing both reference builders share (tools/build_reference.py, tools/build_basemap.py):
install pinned npm packages into a temporary folder (or reuse a node_modules), check their versions,
and the command line (--node-modules, --out-dir). Standard library and `npm` only."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def install_packages(packages: dict[str, str], prefix: Path) -> Path:
    """Install the pinned packages (name -> version) into `prefix` with npm; return node_modules."""
    specs = [f"{name}@{version}" for name, version in packages.items()]
    cmd = ["npm", "install", "--prefix", str(prefix), "--no-save", "--no-audit", "--no-fund", "--ignore-scripts",
           *specs]
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, stdout=sys.stderr)
    return prefix / "node_modules"


def check_versions(packages: dict[str, str], node_modules: Path) -> None:
    """Exit unless node_modules holds exactly the pinned package versions."""
    for name, version in packages.items():
        meta = json.loads((node_modules / name / "package.json").read_text(encoding="utf-8"))
        if meta["version"] != version:
            sys.exit(f"{name} is {meta['version']} in {node_modules}, expected {version}")


def run(description: str, packages: dict[str, str], out_dir: Path, build: Callable[[Path, Path], None],
        argv: list[str] | None = None) -> None:
    """Parse --node-modules and --out-dir, install the packages unless given, check them, build."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--node-modules", type=Path,
                        help="existing node_modules holding the pinned packages (skips npm install)")
    parser.add_argument("--out-dir", type=Path, default=out_dir, help=f"output folder (default {out_dir})")
    args = parser.parse_args(argv)
    if args.node_modules:
        check_versions(packages, args.node_modules)
        build(args.node_modules, args.out_dir)
        return
    with tempfile.TemporaryDirectory(prefix="matra-npm-") as tmp:
        node_modules = install_packages(packages, Path(tmp))
        check_versions(packages, node_modules)
        build(node_modules, args.out_dir)
