"""The house rules, read from the code itself with `ast` (no module is imported).

- Imports point one way: cms → shop → gallery → artists → heritage. Nothing below imports
  from above — not inside functions either. `demo/` and the composition root (heritage's
  urls, wsgi, asgi and settings) wire every app together and may import anything.
- No circles between modules.
- No module over 400 lines.
- Imports inside functions only where a framework forces them, each with its reason on the
  line, and few of them.

Migrations, tests, `demo/` and `bench/` are not walked.
"""

import ast
from collections import defaultdict
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"heritage": 0, "artists": 1, "gallery": 2, "shop": 3, "cms": 4}
COMPOSITION_ROOT = ("heritage.urls", "heritage.wsgi", "heritage.asgi", "heritage.settings")
MAX_LINES = 400
IMPORTS = (ast.Import, ast.ImportFrom)
LOCAL_IMPORT_BUDGET = 10


def _walked_files() -> list[Path]:
    files = []
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.relative_to(ROOT).parts:
                files.append(path)
    return files


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in _walked_files()}


@cache
def _tree(name: str) -> ast.Module:
    return ast.parse(_modules()[name].read_text(encoding="utf-8"))


def _is_package(name: str) -> bool:
    return _modules()[name].name == "__init__.py"


def _absolute(importer: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = importer if _is_package(importer) else importer.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


@cache
def _reexports(package: str) -> dict[str, str]:
    """Names a package's __init__ takes from its own modules: `from .models import Artwork`
    in gallery/models/__init__.py means `Artwork` lives in gallery.models.artwork."""
    found = {}
    for node in _tree(package).body:
        if isinstance(node, ast.ImportFrom):
            source = _absolute(package, node)
            if source.startswith(package + ".") and source in _modules():
                for alias in node.names:
                    found[alias.asname or alias.name] = source
    return found


def _targets(importer: str, node) -> set[str]:
    """The project modules an import statement reaches."""
    modules = _modules()
    targets = set()
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name in modules:
                targets.add(alias.name)
        return targets
    source = _absolute(importer, node)
    for alias in node.names:
        if f"{source}.{alias.name}" in modules:
            targets.add(f"{source}.{alias.name}")
        elif source in modules:
            targets.add(_reexports(source).get(alias.name, source) if _is_package(source) else source)
    return targets


def _imports(name: str):
    """(line, target module, inside a function) for each project import in module `name`."""
    tree = _tree(name)
    local = set()
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            local.update(id(node) for node in ast.walk(function) if isinstance(node, IMPORTS))
    for node in ast.walk(tree):
        if isinstance(node, IMPORTS):
            for target in _targets(name, node):
                yield node.lineno, target, id(node) in local


def _layer(module: str) -> int:
    return LAYERS[module.split(".")[0]]


def _graph() -> dict[str, set[str]]:
    graph = defaultdict(set)
    for name in _modules():
        for _line, target, _local in _imports(name):
            if target != name:
                graph[name].add(target)
    return graph


def _circles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for start in sorted(_modules()):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(component)
    return found


def test_no_module_imports_from_an_app_above_it_not_even_inside_a_function():
    upward = [
        f"{_modules()[name].relative_to(ROOT)}:{line} imports {target}"
        for name in _modules()
        if not name.startswith(COMPOSITION_ROOT)
        for line, target, _local in _imports(name)
        if _layer(target) > _layer(name)
    ]

    assert upward == []


def test_no_app_imports_the_demo_or_the_bench():
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for name, path in _modules().items()
        for node in ast.walk(_tree(name))
        if isinstance(node, IMPORTS)
        and any(
            module.split(".")[0] in ("demo", "bench")
            for module in ([node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
            + ([alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
        )
    ]

    assert offenders == []


def test_no_modules_import_each_other_in_a_circle():
    assert _circles(_graph()) == []


def test_no_module_is_longer_than_400_lines():
    long = {
        str(path.relative_to(ROOT))
        for path in [*_walked_files(), *sorted((ROOT / "demo").rglob("*.py"))]
        if len(path.read_text(encoding="utf-8").splitlines()) > MAX_LINES
    }

    assert long == set()


def _local_imports() -> list[tuple[str, int, bool]]:
    """(file, line, says why) for every import inside a function, project or not."""
    found = []
    for name, path in _modules().items():
        relative = str(path.relative_to(ROOT))
        lines = path.read_text(encoding="utf-8").splitlines()
        for function in ast.walk(_tree(name)):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in function.body:
                    for inner in ast.walk(node):
                        if isinstance(inner, IMPORTS):
                            line = inner.lineno
                            says_why = "#" in lines[line - 1] or lines[line - 2].strip().startswith("#")
                            found.append((relative, line, says_why))
    return sorted(set(found))


def test_imports_inside_functions_are_few_and_each_says_why():
    local = _local_imports()

    assert [f"{path}:{line}" for path, line, says_why in local if not says_why] == []
    assert len(local) <= LOCAL_IMPORT_BUDGET, "\n".join(f"{path}:{line}" for path, line, _why in local)


def test_the_walk_sees_the_whole_project():
    assert {"heritage.caching", "gallery.models.artwork", "shop.apps", "cms.apps"} <= set(_modules())
