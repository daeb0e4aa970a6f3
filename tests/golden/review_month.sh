# The review of a week that crosses a month boundary (2026-W49: Mon 30 Nov -
# Sun 6 Dec), as text and Markdown; the week before it, the last of November;
# both together; and the ASCII fallback.  The data is tests/data/review/month.
#
# Seen on Fri 4 Dec 16:00.  W49's blocks (minutes; * = not for quota):
#   1 Mon  P Healthcare     150 done  24 calls 6 conv 2 mtg
#   2 Mon  A Northwind      120 done
#   3 Tue  P Manufacturing  150 done, cut short 30/5/1: its run tracked
#                                08:30-10:40 = 130 min, so done time 130,
#                                150 - 130 = 20 left -> 30 (the 30-min grid)
#   4 Tue  P Manufacturing   60 skipped
#   5 Wed  P Logistics      120 done  20/4/0
#   6 Wed  O *               60 done
#   7 Thu  P Healthcare     150 planned (due: unfinished)
#   8 Thu  A Contoso         90 done  1500 sold (the file is week schema 1:
#                                its block "revenue" is read as a sale of
#                                Thu 3 Dec, Contoso, naming the block)
#  12 Thu  meeting           60 calendar time: in no figure
#   9 Fri  admin             90 done
#  10 Fri  A Fabrikam *      30 done
#  11 Fri  O *               60 planned, ends 17:00: still to come
# Total 11 blocks, 1080 min = 18h00; done (nothing left) 1 2 5 6 8 9 10: 7;
# done time 150+120+130+120+60+90+90+30 = 790 = 13h10 (block 3 counts its
# 130 tracked minutes, not 150: before, 8 done, 810 = 13h30); due 1080-60 =
# 17h00; completion 790/1020 = 77.45 -> 77% (was 810/1020 = 79%).
# Unfinished: 3 (cut short, 0h30 left) and 7 (planned, 2h30 left): 2, 3h00
# left.  Dropped: 4 (skipped; before, it was listed unfinished and 3 was
# not).  7 done + 2 unfinished + 1 dropped + 1 to come (11) = 11.
# Days: Mon 270/270 100%; Tue 0 of 2 done, 130 of 210 = 61.9 -> 61% (was 150
#   of 210 = 71%); Wed 180/180; Thu 90 of 240 = 37.5 -> 37%; Fri done 120 of
#   180, due 120 -> 100%.
# Kinds: prospecting 2 of 5, 150+130+120 = 400 = 6h40 of 630 = 63.5 -> 63%
#   (was 420, 66%); account 240/240; admin 90/90; other done 60 of 120, due
#   60 -> 100%.
# Industries: Healthcare 150 of 300 = 50%; Manufacturing 0 of 2, 130 of 210
#   = 61%; Logistics 120/120; none (2 6 8 9 10 11) 390 of 450, due 390 ->
#   100%.
# Results (yields = count x 60 / prospecting done time, 2 decimals, half up):
#   Healthcare 24/6/2, sales 3000 (30 Nov), 150 min: 9.60 calls/h, 0.80 mtg/h
#   Manufacturing 30/5/1, sales 4500 (2 Dec), 130 min = 2h10: 30x60/130 =
#   13.846 -> 13.85, 1x60/130 = 0.4615 -> 0.46 (was 150 min: 12.00, 0.40)
#   Logistics 20/4/0, 120 min: 10.00, 0.00
#   no industry: sales 1500 (sold on block 8, an account block), so shown
#   Total 74/15/3, sales 3000 + 4500 + 1500 = 9000, 400 min = 6h40: 74x60/400 =
#   11.10; 3x60/400 = 0.45 (was 420 min: 10.57, 0.43)
# Focus: niches Mon Hc, Tue Mf, Wed Lg, Thu Hc; held Mon Tue Wed (Thu's block
#   is not done, but it has ended, so Thu counts): 3 of 4, "so far" (the
#   week is under way on Friday).  Interruptions Mon 09:10, Mon 10:05 (no note), Tue
#   09:55.  Timer: (11:00-08:30) - 5 min pause = 145 min, + 08:30-10:40 = 130
#   min: 275 min = 4h35.  Not for quota: 6 + 10 + 11 = 150 min = 2h30 planned,
#   6 + 10 = 90 = 1h30 done.
# Accounts: target = 0.8 x baseline, nearest minute:
#   Northwind 240 -> 192 (3h12), done 120, 120 - 240 = -2h00
#   Contoso   180 -> 144 (2h24), done 90, -1h30
#   Fabrikam   92 -> 73.6 -> 74 (1h14), done 30, -62 = -1h02
#   Total 512 (8h32), 410 (6h50), 240 (4h00); freed 512 - 240 = 272 = 4h32;
#   matched by prospecting: min(272, 400) = 4h32.
# Quota: W49's Thursday is 3 Dec: December, Thursdays 3 10 17 24 31: week 1
#   of 5; sales 1-6 Dec: 4500 + the 1500 sold on block 8 = 6000 (30 Nov is
#   November's); 6000/20000 = 30%, bar 20 x 0.30 = 6 cells; needed 14000 /
#   4 = 3500 a week; projection 6000 x 5 / 1 = 30000.
# Trend W42..W49: only W48 and W49 have files.
#   W48: 480 min, done 390, all due: 81.25 -> 81%; meetings 1+2 = 3;
#   prospecting done 150+120 = 270 = 4h30.  W49: 77%, 3, 6h40.
#   Sparks, level = (v x 7 + scale/2) / scale: completion (scale 100): 81 ->
#   6.2 -> 6, 77 -> 5.89 -> 5 (was 79 -> 6); meetings (scale 3): 3 -> 7;
#   prospecting (scale 400): 270 -> 5.2 -> 5, 400 -> 7; zeros -> 0; no rate
#   -> blank.
cp -r "$GOLDEN_DIR/../data/review/month" "$TMPDIR/month"
export FOCUSWEEK_DATA=$TMPDIR/month FOCUSWEEK_NOW=2026-12-04T16:00
fw review --week 2026-W49
fw review --date 2026-12-02 --format md

# W48 (23-29 Nov), all due:
#   1 Mon P Retail (archived) 150 done 18/3/1; 2 Tue P Manufacturing 120 done
#   15/4/2; 3 Wed A Northwind 120 done; 4 Thu P Healthcare 90 skipped.
#   480 min = 8h00, done 390 = 6h30: 81%.  Prospecting 270 of 360 = 75%.
#   0 unfinished, 1 dropped (block 4; before: "1 unfinished").
#   Rows: active industries, then archived Retail; Logistics has only a sale
#   (1200 on 25 Nov).  Manufacturing 15x60/120 = 7.50, 2x60/120 = 1.00;
#   Retail 18x60/150 = 7.20, 0.40; total 33/7/3 over 270 min: 7.333 -> 7.33,
#   0.667 -> 0.67.  Days held: Mon, Tue of Mon Tue Thu: 2 of 3.
#   Accounts: done 120 of 512: -6h32; freed 392 = 6h32, matched min(392, 270)
#   = 4h30.  Quota: November (Thu 26 Nov), Thursdays 5 12 19 26: week 4 of 4,
#   the last, so sales to Mon 30 Nov: 1200 + 3000 = 4200: 21%, bar 4.2 -> 4;
#   15800 short with no week left; projection 4200 x 4 / 4 = 4200.
#   Trend W41..W48: W48 only.
fw review --week 2026-W48

# Both weeks: 15 blocks, 1560 min = 26h00, done 3 + 7 = 10, done time 390 +
#   790 = 1180 = 19h40, due 1500 = 25h00: 78.67 -> 78% (was 11, 1200 = 20h00,
#   80%).  2 unfinished (W49's, 3h00 left), 2 dropped (W48-4, W49-4).
#   Weekdays: Mon 420/420; Tue 1 of 3, 120 + 130 = 250 = 4h10 of 330 = 75.8
#   -> 75% (was 270, 81%); Wed 300/300; Thu 90 of 330 = 27.3 -> 27%; Fri as
#   W49.  Prospecting 4 of 8, 270 + 400 = 670 = 11h10 of 990 = 67.7 -> 67%
#   (was 690, 69%).  Healthcare 150 of 390 = 38.5 -> 38%; Manufacturing 1 of
#   3, 250 of 330 = 75% (was 270, 81%); none 510 of 570, due 510 -> 100%.
#   Manufacturing 45/9/3 over 250 = 4h10: 45x60/250 = 10.80, 3x60/250 = 0.72
#   (was over 270: 10.00, 0.67); total 107/22/6, sales 3000 + 4500 + 1500 +
#   1200 = 10200, 670 min = 11h10: 107x60/670 = 9.582 -> 9.58, 6x60/670 = 0.537 ->
#   0.54 (was 690 min: 9.30, 0.52).
#   Days held 2 + 3 of 3 + 4 (a block cut short counts as work in its niche).
#   Baselines x 2: 480/384, 360/288, 184/147.2 -> 147 (2h27); total 1024
#   (17h04), 819 (13h39), done 360: -11h04, freed 664 = 11h04, matched
#   min(664, 670) = 11h04.  Quota and trend as for W49.
fw review --week 2026-W49 --weeks 2

# Without a UTF-8 locale: ASCII bars (#, .) and sparks (_ . : - = + * #).
LC_ALL=C fw review --week 2026-W49
