"""Reads reStructuredText entries as Pelican's RstReader reads them, and prints them as JSON.

Input (stdin): {"paths": [...], "lang": "en", "docutils": {...}, "formatted": ["summary"]}.
Output (stdout): one {"path", "title", "body", "metadata", "error"} per path, in order.

With Pelican installed, its own reader runs (its directives, its HTML writer), so the HTML is what
Pelican publishes; metadata values are kept as the text written (this project reads them). With
docutils alone, the same publisher settings are used with docutils' own HTML writer.
"""
import json
import sys
from io import StringIO

import docutils.core
import docutils.io
import docutils.nodes

try:
    from pelican.readers import RstReader
    from pelican.settings import DEFAULT_CONFIG
except Exception:  # Pelican is not installed, or not for this Python
    RstReader = None


def register_pelican_directives():
    """Without Pelican: its `code-block` and `sourcecode` directives (pelican/rstdirectives.py),
    Pygments with a plain-text fallback for a language it does not know, so the same files read."""
    from docutils import nodes
    from docutils.parsers.rst import Directive, directives

    try:
        from pygments import highlight
        from pygments.formatters import HtmlFormatter
        from pygments.lexers import TextLexer, get_lexer_by_name
    except ImportError:
        highlight = None

    class CodeBlock(Directive):
        required_arguments = 1
        optional_arguments = 0
        final_argument_whitespace = True
        has_content = True
        option_spec = {"linenos": directives.unchanged, "hl_lines": directives.unchanged, "linenostart": directives.unchanged}

        def run(self):
            self.assert_has_content()
            code = "\n".join(self.content)
            if highlight is None:
                return [nodes.literal_block(code, code)]
            try:
                lexer = get_lexer_by_name(self.arguments[0])
            except ValueError:
                lexer = TextLexer()
            html = highlight(code, lexer, HtmlFormatter(cssclass="highlight"))
            return [nodes.raw("", html, format="html")]

    directives.register_directive("code-block", CodeBlock)
    directives.register_directive("sourcecode", CodeBlock)



def metadata_by_docutils(document, formatted, render):
    output = {}
    for docinfo in document.findall(docutils.nodes.docinfo):
        for element in docinfo.children:
            if element.tagname == "field":
                name_elem, body_elem = element.children
                name = name_elem.astext()
                value = render(body_elem) if name.lower() in formatted else body_elem.astext()
            elif element.tagname == "authors":
                name = element.tagname
                value = [child.astext() for child in element.children]
            else:
                name = element.tagname
                value = element.astext()
            output[name.lower()] = value
    return output


def read_with_docutils(path, request):
    params = {
        "initial_header_level": "2",
        "syntax_highlight": "short",
        "input_encoding": "utf-8",
        "language_code": request.get("lang", "en"),
        "halt_level": 2,
        "traceback": True,
        "warning_stream": StringIO(),
        "embed_stylesheet": False,
        **request.get("docutils", {}),
    }
    pub = docutils.core.Publisher(destination_class=docutils.io.StringOutput)
    pub.set_components("standalone", "restructuredtext", "html")
    pub.process_programmatic_settings(None, params, None)
    pub.set_source(source_path=path)
    pub.publish()
    parts = pub.writer.parts

    def render(node):
        return docutils.core.publish_parts(node.astext(), writer_name="html")["body"]

    metadata = metadata_by_docutils(pub.document, request.get("formatted", ["summary"]), render)
    return parts.get("title"), parts.get("body"), metadata


if RstReader is not None:

    class RawMetadataRstReader(RstReader):
        """Pelican's reader, but metadata stays the text written: dates, tags are read by us."""

        def process_metadata(self, name, value):
            return value

    def read_with_pelican(path, request):
        settings = dict(DEFAULT_CONFIG)
        settings["DEFAULT_LANG"] = request.get("lang", "en")
        settings["DOCUTILS_SETTINGS"] = request.get("docutils", {})
        settings["FORMATTED_FIELDS"] = request.get("formatted", ["summary"])
        reader = RawMetadataRstReader(settings)
        pub = reader._get_publisher(path)
        parts = pub.writer.parts
        metadata = reader._parse_metadata(pub.document, path)
        return parts.get("title"), parts.get("body"), metadata


def main():
    request = json.load(sys.stdin)
    if RstReader is None:
        register_pelican_directives()
    read = read_with_pelican if RstReader is not None else read_with_docutils
    results = []
    for path in request["paths"]:
        try:
            title, body, metadata = read(path, request)
            results.append({"path": path, "title": title, "body": body, "metadata": metadata})
        except BaseException as error:  # docutils raises SystemMessage (halt_level) and SystemExit
            message = str(error).strip().splitlines()
            results.append({"path": path, "error": message[-1] if message else type(error).__name__})
    json.dump({"reader": "pelican" if RstReader is not None else "docutils", "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
