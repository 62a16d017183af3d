"""Run the screen command on its own: ``python -m analyzer.screen RESUMES... --job FILE``."""

from analyzer.cli.screen import screen

if __name__ == "__main__":
    screen(prog_name="python -m analyzer.screen")
