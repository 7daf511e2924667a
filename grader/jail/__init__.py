"""What runs inside a jail, beside the learner's code: short enough to audit in one sitting.

This package imports nothing from the judge side (``grader`` outside ``grader.jail``); a test
checks it. :mod:`.wire` is the data-only format both sides speak, :mod:`.server` answers the
judge's requests, :mod:`.bans` watches banned functions by identity, :mod:`.sandbox` builds the
walls, :mod:`.zygote` forks jails from a preloaded process, :mod:`.fixtures` holds the models
checks hand to the learner's code.
"""
