# An interruption logged with --pause pauses the timer in the same change,
# so the time away is not counted as worked; resume goes on.
sample_plan
FOCUSWEEK_NOW=2026-12-01T09:00 fw timer start 2026W49-2
FOCUSWEEK_NOW=2026-12-01T09:30 fw interrupt --pause boss wants the forecast
FOCUSWEEK_NOW=2026-12-01T09:50 fw timer status --format '%S %e worked, %n interruption'
FOCUSWEEK_NOW=2026-12-01T09:50 fw interrupt --pause phone
FOCUSWEEK_NOW=2026-12-01T10:00 fw timer resume
FOCUSWEEK_NOW=2026-12-01T10:10 fw interrupt
FOCUSWEEK_NOW=2026-12-01T10:20 fw timer status --format '%S %e worked, %n interruptions'
fw interrupt --help
