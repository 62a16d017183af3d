"""Run the command line as ``python -m analyzer.cli``."""

from analyzer.cli.app import main

if __name__ == "__main__":
    main()
