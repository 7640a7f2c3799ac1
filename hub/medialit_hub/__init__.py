"""The medialit course hub: JupyterHub, system accounts and nbgrader's exchange on one machine.

``provision.setup`` uses, in order: ``sharedenv`` (the venv every account runs), ``proxy``
(configurable-http-proxy from npm), ``course.ensure_exchange``, ``accounts`` (useradd,
passwords), ``course`` (course copy, per-account config). ``config`` reads hub.toml, ``runas``
runs a command as an account, ``harness`` makes throwaway hubs for tests and benchmarks.
"""
