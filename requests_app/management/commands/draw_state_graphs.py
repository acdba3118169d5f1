"""Draw every instrument's effective request state graph as SVG and Graphviz DOT."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from requests_app.graph import all_instrument_graphs, graph_to_dot, graph_to_svg


class Command(BaseCommand):
    help = ("Write <slug>.svg and <slug>.dot with the effective state graph of every instrument "
            "(outgoing and incoming). Needs no database. If Graphviz `dot` is installed, also "
            "renders <slug>.png from the DOT file.")

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
        dot_binary = None if options["no_png"] else shutil.which("dot")
        for slug, graph in sorted(all_instrument_graphs().items()):
            svg_path = output / f"{slug}.svg"
            dot_path = output / f"{slug}.dot"
            svg_path.write_text(graph_to_svg(graph), encoding="utf-8")
            dot_path.write_text(graph_to_dot(graph), encoding="utf-8")
            self.stdout.write(str(svg_path))
            self.stdout.write(str(dot_path))
            if dot_binary:
                png_path = output / f"{slug}.png"
                result = subprocess.run([dot_binary, "-Tpng", str(dot_path), "-o", str(png_path)],
                                        capture_output=True, text=True, check=False)
                if result.returncode == 0:
                    self.stdout.write(str(png_path))
                else:
                    self.stderr.write(f"dot could not render {png_path}: {result.stderr.strip()}")
