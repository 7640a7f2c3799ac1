"""JupyterHub config of the medialit course hub; every value comes from the hub TOML file.

Started by hub/run-hub with MEDIALIT_HUB_CONFIG naming that file (default hub/hub.toml).
Accounts are real system users: PAM checks their passwords and LocalProcessSpawner starts
each one's JupyterLab as that user, from the shared venv.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from medialit_hub.config import load_config  # noqa: E402
from medialit_hub.course import user_environment  # noqa: E402
from medialit_hub.proxy import proxy_command  # noqa: E402
from medialit_hub.provision import admin_token  # noqa: E402

hub = load_config(os.environ.get("MEDIALIT_HUB_CONFIG"))
state = hub.state_dir
c = get_config()  # noqa: F821

# Network: loopback by default; browsers open the proxy's port.
c.JupyterHub.bind_url = f"http://{hub.ip}:{hub.port}/"
c.JupyterHub.hub_ip = hub.ip
c.JupyterHub.hub_port = hub.hub_port
c.ConfigurableHTTPProxy.api_url = f"http://{hub.ip}:{hub.proxy_api_port}"
c.ConfigurableHTTPProxy.command = [str(proxy_command())]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")

# Runtime files stay in the root-only state folder.
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")

# Who may log in: the course's accounts, checked by PAM against their system passwords.
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = set(hub.users)
c.Authenticator.admin_users = {hub.instructor}

# A service token for scripts and tests (state/admin-token): manage users and servers.
c.JupyterHub.services = [{"name": "medialit-admin", "api_token": admin_token(hub)}]
c.JupyterHub.load_roles = [{
    "name": "medialit-admin",
    "scopes": ["admin:users", "admin:servers", "read:hub"],
    "services": ["medialit-admin"],
}]

# Each account's JupyterLab runs as that system user, from the shared venv.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(hub.venv / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.ip = hub.ip
c.Spawner.env_keep = []          # nothing from root's environment leaks into a user's server
c.Spawner.start_timeout = 180    # JupyterLab needs a while to start on a small machine
c.Spawner.http_timeout = 120


def _user_environment(spawner):
    """PATH with the shared venv (nbgrader needs alembic), and the course for the instructor."""
    spawner.environment = {**spawner.environment, **user_environment(hub, spawner.user.name)}


c.Spawner.pre_spawn_hook = _user_environment
