# Translations: the catalogues are valid and complete, and a Korean or Chinese locale speaks them.
. "$top_srcdir/tests/cli/lib.sh"
po="$top_srcdir/po"
builddir=$(dirname "$(dirname "$JUBO")")
for lang in ko zh_CN; do
	check 'msgfmt --check -o /dev/null "$po/$lang.po"' "$lang.po passes msgfmt --check"
	msgfmt --statistics -o /dev/null "$po/$lang.po" >"$tmp/stats" 2>&1
	check '! grep -Eq "fuzzy|untranslated" "$tmp/stats"' "$lang.po is complete: $(cat "$tmp/stats")"
	mkdir -p "$tmp/share/$lang/LC_MESSAGES"
	msgfmt -o "$tmp/share/$lang/LC_MESSAGES/jubo.mo" "$po/$lang.po"
done
# Every string the program marks is in the catalogue (the .pot is made at build time).
if [ -f "$builddir/po/jubo.pot" ]; then
	for lang in ko zh_CN; do
		msgcmp "$po/$lang.po" "$builddir/po/jubo.pot" >"$tmp/cmp" 2>&1
		check '[ $? -eq 0 ]' "$lang.po covers every message in jubo.pot"
		sed 's/^/# /' "$tmp/cmp" | head -5
	done
fi

# A real Korean and Chinese locale, made with localedef into a private directory.
mkdir -p "$tmp/locale"
if localedef -i ko_KR -f UTF-8 "$tmp/locale/ko_KR.UTF-8" 2>/dev/null &&
	localedef -i zh_CN -f UTF-8 "$tmp/locale/zh_CN.UTF-8" 2>/dev/null; then
	export LOCPATH="$tmp/locale" JUBO_LOCALEDIR="$tmp/share"
	LC_ALL=ko_KR.UTF-8 run frobnicate
	expect_err "a Korean locale gets Korean messages" <<'X'
jubo: 알 수 없는 명령 'frobnicate': import, convert, list, export, follow, unfollow, state 중 하나여야 합니다
자세한 내용은 'jubo --help'를 보세요.
X
	LC_ALL=zh_CN.UTF-8 run frobnicate
	expect_err "a Chinese locale gets Chinese messages" <<'X'
jubo: 未知命令 'frobnicate'：应为 import、convert、list、export、follow、unfollow 或 state
更多信息请运行 'jubo --help'。
X
	LC_ALL=ko_KR.UTF-8 run --help
	check 'printf "%s" "$out" | head -1 | grep -q "^사용법: jubo"' "--help is Korean under ko_KR.UTF-8"
	LC_ALL=ko_KR.UTF-8 run --db "$tmp/x.db" import "$fixtures/bundle"
	check 'printf "%s" "$out" | grep -q "^가져옴: 호 1, 기사 2, 거래 4"' "the import summary is Korean"
	check 'printf "%s" "$err" | grep -q ": 경고: 금액 .수억 위안.를 읽을 수 없습니다"' "and so are warnings"
else
	echo "# localedef is not available: locale checks skipped"
fi
finish
