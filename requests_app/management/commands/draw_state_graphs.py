"""Draw every instrument's effective request state graph as Graphviz DOT and SVG."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from requests_app.graph import InstrumentGraph
from requests_app.graph import all_instrument_graphs
from requests_app.graph import graph_to_dot


class Command(BaseCommand):
    help = ("Write <slug>.dot and <slug>.svg with the effective state graph of every instrument "
            "(outgoing and incoming). Needs no database. If Graphviz `dot` is installed, it "
            "renders the SVG from the DOT file, and also <slug>.png; without it the SVG is drawn "
            "by the dev-only tools/state_graph_svg.py.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", default=None,
            help="Folder to write into (created if missing). Default: docs/graphs under BASE_DIR.")
        parser.add_argument(
            "--no-png", action="store_true",
            help="Do not render PNGs even if Graphviz `dot` is installed.")

    def handle(self, *args, **options):
        output = (Path(options["output"]) if options["output"]
                  else Path(settings.BASE_DIR) / "docs" / "graphs")
        output.mkdir(parents=True, exist_ok=True)
        dot_binary = shutil.which("dot")
        for slug, graph in sorted(all_instrument_graphs().items()):
            dot_path = output / f"{slug}.dot"
            dot_path.write_text(graph_to_dot(graph), encoding="utf-8")
            self.stdout.write(str(dot_path))
            svg_path = output / f"{slug}.svg"
            if not (dot_binary and self._render(dot_binary, "svg", dot_path, svg_path)):
                svg_path.write_text(self._drawn_svg(graph), encoding="utf-8")
                self.stdout.write(str(svg_path))
            if dot_binary and not options["no_png"]:
                self._render(dot_binary, "png", dot_path, output / f"{slug}.png")

    def _render(self, dot_binary: str, fmt: str, dot_path: Path, path: Path) -> bool:
        """Render ``dot_path`` to ``path`` with Graphviz; say which file was written or why not."""
        result = subprocess.run([dot_binary, f"-T{fmt}", str(dot_path), "-o", str(path)],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            self.stderr.write(f"dot could not render {path}: {result.stderr.strip()}")
            return False
        self.stdout.write(str(path))
        return True

    @staticmethod
    def _drawn_svg(graph: InstrumentGraph) -> str:
        # Dev-only tooling, imported only when Graphviz is missing: the apps never load it.
        from tools.state_graph_svg import graph_to_svg

        return graph_to_svg(graph)
