"""nbgrader's global config in the medialit single-user image (/etc/jupyter/nbgrader_config.py).

Every pod talks to the ngshare service through the hub (``/services/ngshare``); ngshare checks
each request against JupyterHub, so a student can reach only their own submissions and feedback.
The instructor's pod adds ``c.CourseDirectory.root`` in ~/.jupyter/nbgrader_config.py.
"""

from ngshare_exchange import configureExchange

c = get_config()  # noqa: F821 - provided by traitlets when it loads this file
configureExchange(c)
c.CourseDirectory.course_id = "medialit"
