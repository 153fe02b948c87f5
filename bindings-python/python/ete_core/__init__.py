"""ETE Core: the administrative rules of education, training and employment work in UK
probation and alternative provision, with the reason for every decision.

Every rule lives in the Rust crate ``ete-core``; this package is a thin binding.
Durations are whole minutes (``int``); dates are ``datetime.date``; instants are
timezone-aware ``datetime.datetime``.

>>> import ete_core
>>> ete_core.parse_minutes("02:30")
150
>>> ete_core.allowance_cap(43, 20)
52
"""

from ete_core._errors import *  # noqa: F403 - the exceptions, one per core error kind
from ete_core._ete_core import *  # noqa: F403 - the native module (stubs generated from it)
from ete_core._ete_core import __version__ as __version__
