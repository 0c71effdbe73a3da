"""scripts/check-architecture keeps Package.swift true to the imports (issue #22): a file importing a
module its target does not declare fails, a declared dependency nothing imports fails, and the real
repository passes. Each case runs the script on a small throwaway package."""

import os
import subprocess
import sys

from conftest import ROOT

CHECK = os.path.join(ROOT, "scripts", "check-architecture")
TABLE = """# Architecture

<!-- modules: name | single job | may import -->
| module | its one job | may import |
| --- | --- | --- |
| `Alpha` | the base | `Logging` |
| `Beta` | built on the base | `Alpha`, `Logging` |
<!-- /modules -->
"""


def package(beta_dependencies):
    return f"""// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Tiny",
    dependencies: [.package(url: "https://github.com/apple/swift-log", from: "1.16.2")],
    targets: [
        .systemLibrary(name: "CThing", pkgConfig: "thing"),
        .target(name: "Alpha"),
        .target(
            name: "Beta",
            dependencies: [{beta_dependencies}],
            swiftSettings: []
        ),
        .testTarget(name: "BetaTests", dependencies: ["Beta"]),
    ]
)
"""


def tiny(tmp_path, beta_dependencies='"Alpha"', beta_source="import Alpha\n\npublic struct B {}\n"):
    (tmp_path / "ARCHITECTURE.md").write_text(TABLE)
    (tmp_path / "Package.swift").write_text(package(beta_dependencies))
    for folder, name, text in [
        ("Sources/Alpha", "A.swift", "public struct A {}\n"),
        ("Sources/Beta", "B.swift", beta_source),
        ("Tests/BetaTests", "BTests.swift", "import Testing\n\n@testable import Beta\n"),
    ]:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / name).write_text(text)
    return subprocess.run([sys.executable, CHECK, str(tmp_path)], capture_output=True, text=True, timeout=60)


def test_a_package_whose_declarations_match_its_imports_passes(tmp_path):
    result = tiny(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "2 modules" in result.stdout


def test_an_import_the_target_does_not_declare_fails_naming_target_and_module(tmp_path):
    result = tiny(tmp_path, beta_dependencies="")
    assert result.returncode == 1
    assert ("target Beta (Sources/Beta) imports Alpha, which Package.swift does not declare for it"
            in result.stderr)


def test_a_declared_dependency_nothing_imports_fails(tmp_path):
    result = tiny(tmp_path, beta_dependencies='"Alpha", .product(name: "Logging", package: "swift-log")')
    assert result.returncode == 1
    assert "target Beta declares Logging in Package.swift, but none of its files imports it" in result.stderr
    assert "Alpha" not in result.stderr


def test_testable_and_scoped_imports_count_and_test_frameworks_need_no_declaration(tmp_path):
    source = "@testable import Alpha\nimport struct Alpha.A\n"
    result = tiny(tmp_path, beta_source=source)
    assert result.returncode == 0, result.stderr


def test_imports_inside_string_literals_and_comments_are_not_imports(tmp_path):
    source = ('import Alpha\n// import Logging\nlet script = """\nimport Logging\nimport os, sys\n"""\n'
              "/* not code:\nimport Gamma */\n")
    result = tiny(tmp_path, beta_source=source)
    assert result.returncode == 0, result.stderr


def test_a_store_transaction_in_the_http_module_fails_naming_file_and_line(tmp_path):
    (tmp_path / "ARCHITECTURE.md").write_text(TABLE.replace(
        "<!-- /modules -->", "| `HeraldServer` | the web layer | `Alpha` |\n<!-- /modules -->"))
    (tmp_path / "Package.swift").write_text(package('"Alpha"').replace(
        '.target(name: "Alpha"),', '.target(name: "Alpha"),\n        .target(name: "HeraldServer", dependencies: ["Alpha"]),'))
    for folder, name, text in [
        ("Sources/Alpha", "A.swift", "public struct A {}\n"),
        ("Sources/Beta", "B.swift", "import Alpha\n\n// store.transaction { } in a comment is fine\npublic struct B {}\n"),
        ("Sources/HeraldServer", "C.swift", "import Alpha\n\nfunc f() async throws {\n    try await store.transaction { _ in }\n}\n"),
        ("Tests/BetaTests", "BTests.swift", "import Testing\n\n@testable import Beta\n"),
    ]:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / name).write_text(text)
    result = subprocess.run([sys.executable, CHECK, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Sources/HeraldServer/C.swift:4 opens a store transaction" in result.stderr
    assert "Beta" not in result.stderr


def test_a_store_transaction_in_any_module_but_core_and_the_stores_fails(tmp_path):
    (tmp_path / "ARCHITECTURE.md").write_text(TABLE.replace(
        "<!-- /modules -->",
        "| `HeraldCore` | the domain | `Alpha` |\n| `HeraldSQLite` | a store | `Alpha` |\n<!-- /modules -->"))
    (tmp_path / "Package.swift").write_text(package('"Alpha"').replace(
        '.target(name: "Alpha"),',
        '.target(name: "Alpha"),\n        .target(name: "HeraldCore", dependencies: ["Alpha"]),'
        '\n        .target(name: "HeraldSQLite", dependencies: ["Alpha"]),'))
    opening = "import Alpha\n\nfunc f() async throws {\n    try await store.transaction { _ in }\n}\n"
    for folder, name, text in [
        ("Sources/Alpha", "A.swift", "public struct A {}\n"),
        ("Sources/Beta", "B.swift", opening),
        ("Sources/HeraldCore", "Service.swift", opening),
        ("Sources/HeraldSQLite", "Store.swift", opening),
    ]:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / name).write_text(text)
    result = subprocess.run([sys.executable, CHECK, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Sources/Beta/B.swift:4 opens a store transaction" in result.stderr
    assert "HeraldCore" not in result.stderr and "HeraldSQLite" not in result.stderr


def test_the_repository_itself_passes():
    result = subprocess.run([sys.executable, CHECK, ROOT], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
