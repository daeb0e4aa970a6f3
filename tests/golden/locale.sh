# Under LANG=C every byte printed is ASCII: other scripts show as '?', one
# per character, and the layout keeps its columns.  Under UTF-8 the same
# text prints as it is.
sample_plan
fw industry add 'Café & Bäckerei'
fw account add '東京商事'
fw add --date 2026-12-02 --start 12:00 --end 13:00 --kind prospecting --title 'Anrufe ☎ 📞 Zürich'
fw add --date 2026-12-04 --start 11:00 --end 12:00 --kind prospecting --industry 'Café & Bäckerei' --title 'שיחות מכירה עם חנויות'
fw add --date 2026-12-04 --start 13:00 --end 14:00 --kind account --account '東京商事' --title '四半期レビュー 👍'
fw add --date 2026-12-04 --start 14:00 --end 15:00 --kind admin --title 'Résumé ﷺ é'
fw week | sed -n '1,2p;/^Wed/,/^$/p;/^Fri/,$p'
export LANG=C LC_ALL=C
fw week | sed -n '1,2p;/^Wed/,/^$/p;/^Fri/,$p'
fw industry list
fw account list
fw add --date 2026-12-04 --start 12:00 --end 13:00 --kind prospecting --industry Retail --title 'x'
fw focus --date 2026-12-03 'Café & Bäckerei'
fw industry rm 'Café & Bäckerei'
fw week --json --date 2026-12-04 | grep -E '"(niche|industry|account|title)"'
printf '$ every output above and --help, counted: bytes >= 0x80\n'
{
	"$FW_BIN" week
	"$FW_BIN" week --json
	"$FW_BIN" industry list --all
	"$FW_BIN" account list
	"$FW_BIN" --help
	"$FW_BIN" add --help
	"$FW_BIN" focus --date 2026-12-03 'Café & Bäckerei'
	"$FW_BIN" add --date 2026-12-04 --start 12:00 --end 13:00 --kind prospecting --industry Retail --title x
	"$FW_BIN" week --date 2026-13-01
} 2>&1 | grep -c $'[\x80-\xff]'
