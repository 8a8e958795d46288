"""Prints the settings a pelicanconf.py defines, as JSON, evaluated the way Pelican evaluates it.

Pelican (pelican/settings.py, get_settings_from_file) executes the file as a module and keeps its
upper-case names; so does this, from the file's own folder (which is where `pelican` is usually run,
and where `from pelicanconf import *` in a publishconf.py looks). Values JSON cannot hold are
described instead of dropped: a date as {"$date": "..."}, a compiled regex as {"$regex": "..."},
anything else (a function, a module) listed in "unreadable" with its type.

When the file fails as a whole (it imports a plugin that is not installed here, say), it is run
again one top-level statement at a time, and each statement that fails is listed in "failed" with
its line: the settings that do not depend on it still count, and the build can say which did not.

Usage: python3 evaluate-settings.py path/to/pelicanconf.py
"""
import ast
import datetime
import importlib.util
import json
import os
import re
import sys


def to_json(value, name, unreadable):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [to_json(item, name, unreadable) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((to_json(item, name, unreadable) for item in value), key=repr)
    if isinstance(value, dict):
        return {str(key): to_json(item, name, unreadable) for key, item in value.items()}
    if isinstance(value, (datetime.datetime, datetime.date)):
        return {"$date": value.isoformat()}
    if isinstance(value, re.Pattern):
        return {"$regex": value.pattern}
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    unreadable.append({"name": name, "type": type(value).__name__})
    return {"$unreadable": type(value).__name__}


def namespace_of(path, failed):
    """The names a settings file defines, run from its own folder as Pelican runs it."""
    path = os.path.abspath(path)
    folder = os.path.dirname(path)
    here = os.getcwd()
    os.chdir(folder)
    sys.path.insert(0, folder)
    name = os.path.splitext(os.path.basename(path))[0]
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return vars(module)
    except Exception:
        return run_statements(path, name, failed)
    finally:
        os.chdir(here)


def main(path):
    failed = []
    namespace = namespace_of(path, failed)
    unreadable = []
    settings = {
        key: to_json(value, key, unreadable) for key, value in namespace.items() if key.isupper()
    }
    result = {"settings": settings, "unreadable": unreadable, "failed": failed}
    json.dump(result, sys.stdout, ensure_ascii=False)


def run_statements(path, name, failed):
    with open(path, "rb") as file:
        source = file.read()
    tree = ast.parse(source, path)  # a SyntaxError (Python 2 code) ends it: nothing runs
    namespace = {"__name__": name, "__file__": path, "__builtins__": __builtins__}
    for statement in tree.body:
        code = compile(ast.Module(body=[statement], type_ignores=[]), path, "exec")
        try:
            exec(code, namespace)
        except Exception as error:
            failed.append({"line": statement.lineno, "error": f"{type(error).__name__}: {error}"})
    return namespace


if __name__ == "__main__":
    main(sys.argv[1])
