"""The picture layer: stick figures, torque curves, maps (:mod:`.plot`), the committed
figures (:mod:`.figures`) and the exercise gallery (:mod:`.gallery`).

Every plot function draws on a figure it makes (or an axes it is given) and leaves
matplotlib's global state (interactive mode, backend, rcParams) as it found it.
"""
