"""``python -m strom.bench``: the same as ``python -m strom bench``."""

import sys

from strom.bench import main

sys.exit(main())
