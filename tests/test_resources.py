"""The data folders must be found in an installed package too, not only in a checkout; what is
read from them (a region's level words) comes from the data, not from code."""

import subprocess
import sys
from pathlib import Path

import pytest

import compliance.resources as resources
from compliance.resources import data_dir, without_level

REPO = Path(__file__).resolve().parents[1]


def test_checkout_folders_are_found():
    for name in ("rules", "regulations", "templates", "examples"):
        assert data_dir(name) == REPO / name


def test_a_region_name_loses_only_a_level_word_of_kinds_yaml(monkeypatch):
    names = ["Kota Denpasar", "Kabupaten  Batu Gading", "Provinsi Bali", "Kotamadya Medan", "Denpasar", "Kota"]
    assert [without_level(n) for n in names] == ["Denpasar", "Batu Gading", "Bali", "Kotamadya Medan", "Denpasar",
                                                "Kota"]
    real = resources.data_yaml
    monkeypatch.setattr(resources, "data_yaml", lambda folder, name: (
        {**real(folder, name), "daerah_levels": {"kota": "Kotamadya"}} if name == "kinds.yaml" else real(folder, name)))
    assert (without_level("Kotamadya Medan"), without_level("Kota Denpasar")) == ("Medan", "Kota Denpasar")


def test_installed_package_ships_its_data(tmp_path):
    """Build a wheel-like install into a folder and run the demo from elsewhere."""
    target = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                           "--target", str(target), str(REPO)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"pip could not install the package here: {done.stderr.strip()[-200:]}")
    for name in ("rules", "regulations", "templates", "examples"):
        assert any((target / "compliance" / f"_{name}").iterdir()), name
    run = subprocess.run([sys.executable, "-c", "import compliance.cli; compliance.cli.main()", "demo", "-o",
                          str(tmp_path / "laporan")], capture_output=True, text=True, cwd=tmp_path,
                         env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    assert len(list((tmp_path / "laporan").glob("*.html"))) == 3
