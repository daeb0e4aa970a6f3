#!/usr/bin/env bash
# The package: `cpack -G DEB` builds a .deb whose Depends names libical
# (opened with dlopen, so dpkg-shlibdeps cannot see it) beside the linked
# libraries, and which holds the program, the man page, the completions,
# the themes and the systemd user unit.  Unpacked anywhere (dpkg -x), the
# program runs and finds its themes beside itself; so does a copy
# installed with cmake --install --prefix.
. "$(dirname "$0")/lib.sh" "$1"

for tool in cpack cmake dpkg-deb dpkg-shlibdeps; do
	command -v "$tool" >/dev/null || skip "$tool is not installed (.ci/packages: dpkg-dev, cmake)"
done
[ -n "${FW_BUILD_DIR:-}" ] && [ -f "$FW_BUILD_DIR/CPackConfig.cmake" ] ||
	skip "no build folder with CPackConfig.cmake (FW_BUILD_DIR)"
THEMES="default high-contrast light mono solarized-dark"

cpack -G DEB --config "$FW_BUILD_DIR/CPackConfig.cmake" -B "$TMP/pkg" >"$TMP/cpack.txt" 2>&1 ||
	{ cat "$TMP/cpack.txt" >&2; fail "cpack failed"; }
deb=$(ls "$TMP"/pkg/focusweek_*.deb 2>/dev/null | head -n 1)
[ -f "$deb" ] || fail "no .deb in $TMP/pkg"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in 'libical3 (>= 3.0)' libcjson1 libncursesw6 libc6; do
	case ", $depends," in
	*", $lib"[,\ ]*) ;;
	*) fail "Depends does not name $lib: $depends" ;;
	esac
done
figure deb_depends "'$depends'"
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' > "$TMP/contents.txt"
for f in /usr/bin/focusweek /usr/share/man/man1/focusweek.1 \
	/usr/share/bash-completion/completions/focusweek \
	/usr/share/zsh/vendor-completions/_focusweek \
	/usr/share/fish/vendor_completions.d/focusweek.fish \
	/usr/lib/systemd/user/focusweek-remind.service; do
	grep -qx "$f" "$TMP/contents.txt" || fail "the package has no $f"
done
for t in $THEMES; do
	grep -qx "/usr/share/focusweek/themes/$t.json" "$TMP/contents.txt" || fail "no theme $t"
done
grep -q '^/usr/local' "$TMP/contents.txt" && fail "the package installs under /usr/local"

# Unpacked in a temp root, not installed.
root="$TMP/root"
dpkg -x "$deb" "$root" || fail "dpkg -x"
grep -qx 'ExecStart=/usr/bin/focusweek remind --foreground' \
	"$root/usr/lib/systemd/user/focusweek-remind.service" || fail "the unit's ExecStart"
"$root/usr/bin/focusweek" --version > "$TMP/version.txt" || fail "--version from the package"
head -n 1 "$TMP/version.txt" | grep -qx 'focusweek [0-9][0-9.]*' ||
	fail "--version: $(cat "$TMP/version.txt")"
themes_from() { # BIN FOLDER: the shipped themes, found installed beside the program
	"$1" themes > "$TMP/themes.txt" || fail "$1 themes"
	for t in $THEMES; do
		grep -Eq "^[* ] $t +installed " "$TMP/themes.txt" || fail "$1 themes: no installed $t:
$(cat "$TMP/themes.txt")"
	done
	grep -q "installed  $2\$" "$TMP/themes.txt" || fail "$1 themes: not from $2:
$(cat "$TMP/themes.txt")"
	grep -q '^  source ' "$TMP/themes.txt" && fail "$1 themes: the source tree was searched"
	"$1" themes --check >/dev/null || fail "$1 themes --check"
}
themes_from "$root/usr/bin/focusweek" "$(realpath "$root/usr/share/focusweek/themes")"

# cmake --install --prefix X keeps them too.
cmake --install "$FW_BUILD_DIR" --prefix "$TMP/prefix" >/dev/null || fail "cmake --install"
themes_from "$TMP/prefix/bin/focusweek" "$(realpath "$TMP/prefix/share/focusweek/themes")"
grep -qx "ExecStart=$TMP/prefix/bin/focusweek remind --foreground" \
	"$TMP/prefix/share/systemd/user/focusweek-remind.service" || fail "the unit of a prefix"
[ -f "$TMP/prefix/share/zsh/site-functions/_focusweek" ] || fail "zsh's completion of a prefix"
echo "ok: the .deb's Depends, files, --version and themes from an unpacked root"
