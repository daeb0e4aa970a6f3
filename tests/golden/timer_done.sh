# Outcomes recorded without the timer: `done` and `skip`.
sample_plan
fw done 2026W49-1 --calls 25 --conversations 6 --meetings 2 --note 'good list'
fw done 2026W49-1 --calls 1
# Cut short without the timer: the minutes it really took are asked for,
# and what was sold on it is a sale of its day and industry.
fw done 2026W49-2 --cut-short --calls 3 --revenue 900
fw done 2026W49-2 --cut-short --minutes 65 --calls 3 --revenue 900 --sold 900
fw done 2026W49-2 --cut-short --minutes 0 --calls 3
fw done 2026W49-2 --cut-short --minutes 65 --calls 3 --sold 900
fw sales
fw skip 2026W49-4
fw skip 2026W49-4
fw done 2026W49-5 --conversations 4
fw skip 2026W49-5
fw skip 2026W49-6
fw done 2026W49-6 --meetings 1
fw done 2026W49-404
fw skip 2026W49-404
fw done 2026W49-7 --calls -1
fw done 2026W49-7 --calls 1000001
fw done 2026W49-7 --revenue lots
fw done 2026W49-7 --note $'a\nb'
fw done
fw skip 2026W49-7 2026W49-8
fw week
grep -E '"(id|status|cut_short|worked|calls|conversations|meetings|amount|block|note)"' \
	"$XDG_DATA_HOME/focusweek/weeks/2026-W49.json"
fw check
fw done --help
