"""The few lines every Encours notebook needs to talk to the REST API (shared/spec/API.md).

Configuration, from the environment:

* ``ENCOURS_API_URL``  — base URL of a running API (default ``http://localhost:8080``);
* ``ENCOURS_USER``     — the user (default: the notebook's least-privileged user, ``analyst``);
* ``ENCOURS_PASSWORD`` — its password (default: the user name, as in the demo profile).

Every call fails loudly: a non-200 answer raises :class:`ApiError` with the status and the
problem+json ``detail`` the API gives, so a notebook never goes on with an empty frame.
Nothing here computes a metric: the API serves them, the notebooks analyse them.
"""

import os

import pandas as pd
import requests

__all__ = ["Api", "ApiError"]


class ApiError(RuntimeError):
    """A non-200 answer of the API (or no answer at all)."""

    def __init__(self, message, status=None, problem=None):
        super().__init__(message)
        self.status = status
        self.problem = problem or {}

    @classmethod
    def from_response(cls, response):
        problem = {}
        try:
            problem = response.json()
        except ValueError:
            pass
        if isinstance(problem, dict) and problem.get("detail"):
            what = f"{problem.get('title', '')}: {problem['detail']}"
            if problem.get("parameter"):
                what += f" (parameter {problem['parameter']})"
        else:
            problem = {}
            what = response.text[:500] or response.reason
        path = requests.utils.urlparse(response.url)
        where = path.path + (f"?{path.query}" if path.query else "")
        return cls(f"GET {where} -> HTTP {response.status_code} {what}", response.status_code, problem)


class Api:
    """A session on the Encours API, authenticated with HTTP Basic."""

    def __init__(self, default_user="analyst"):
        self.base_url = os.environ.get("ENCOURS_API_URL", "http://localhost:8080").rstrip("/")
        self.user = os.environ.get("ENCOURS_USER") or default_user
        password = os.environ.get("ENCOURS_PASSWORD") or self.user
        self.timeout = float(os.environ.get("ENCOURS_API_TIMEOUT", "60"))
        self.session = requests.Session()
        self.session.auth = (self.user, password)

    def response(self, path, accept="application/json", **params):
        """The raw 200 response of ``GET /api/v1{path}``; anything else raises ApiError."""
        url = f"{self.base_url}/api/v1{path}"
        params = {k: v for k, v in params.items() if v is not None}
        try:
            r = self.session.get(url, params=params, headers={"Accept": accept}, timeout=self.timeout)
        except requests.RequestException as e:
            raise ApiError(f"cannot reach the Encours API at {self.base_url} ({type(e).__name__}); "
                           "start the demo or set ENCOURS_API_URL") from None
        if r.status_code != 200:
            raise ApiError.from_response(r)
        return r

    def get(self, path, **params):
        """The JSON body of ``GET /api/v1{path}``."""
        return self.response(path, **params).json()

    def series(self, path, **params):
        """A series endpoint: (envelope without points, DataFrame of the points)."""
        body = self.get(path, **params)
        points = pd.DataFrame(body.pop("points"))
        return body, points

    def points(self, path, **params):
        """The points of a series endpoint as a DataFrame."""
        return self.series(path, **params)[1]

    def rows(self, path, **params):
        """Every row of a paged list endpoint (all pages, 1000 at a time) as a DataFrame."""
        rows, page = [], 0
        while True:
            body = self.get(path, page=page, size=1000, **params)
            rows.extend(body["rows"])
            if len(rows) >= body["total"] or not body["rows"]:
                return pd.DataFrame(rows)
            page += 1

    def meta(self):
        """``/meta``: which run is served. Prints one line saying so."""
        meta = self.get("/meta")
        print(f"Encours API as '{self.user}': snapshot {meta['snapshotDate']}, "
              f"run {meta['runId']}, published {meta['publishedAt']}")
        return meta
