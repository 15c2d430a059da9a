"""`python -m resilience_app` runs the same command line as `resilience-app`."""

from resilience_app.cli import main

raise SystemExit(main())
