# Over SSH, for real: a private sshd on 127.0.0.1 (Debian's openssh-server) with its own host
# key, user key and configuration; ssh -tt inside tmux runs jubo on the remote side, in
# Korean, and the test browses: switch panes, sort, filter with Korean typed in, open an
# article. The server is stopped at the end.
. "$top_srcdir/tests/screen/lib.sh"
sshd=$(command -v sshd || echo /usr/sbin/sshd)
if [ ! -x "$sshd" ] || ! command -v ssh >/dev/null || ! command -v ssh-keygen >/dev/null; then
	echo "1..0 # SKIP openssh-server or openssh-client is not installed"
	exit 0
fi
if [ "$(id -u)" -ne 0 ] && [ ! -d /run/sshd ]; then
	echo "1..0 # SKIP sshd needs /run/sshd, which only root can make"
	exit 0
fi
mkdir -p /run/sshd 2>/dev/null
ssh_dir="$tmp/ssh"
mkdir -p "$ssh_dir" && chmod 700 "$ssh_dir"
ssh-keygen -q -t ed25519 -N '' -f "$ssh_dir/host" && ssh-keygen -q -t ed25519 -N '' -f "$ssh_dir/user"
cp "$ssh_dir/user.pub" "$ssh_dir/authorized_keys"
user=$(id -un)
port=$((20000 + $$ % 20000))
cat >"$ssh_dir/sshd_config" <<X
Port $port
ListenAddress 127.0.0.1
HostKey $ssh_dir/host
PidFile $ssh_dir/sshd.pid
AuthorizedKeysFile $ssh_dir/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
AllowUsers $user
X
"$sshd" -f "$ssh_dir/sshd_config" -E "$ssh_dir/sshd.log"
for i in $(seq 1 50); do [ -s "$ssh_dir/sshd.pid" ] && break; sleep 0.1; done
sshd_pid=$(cat "$ssh_dir/sshd.pid" 2>/dev/null)
stop_sshd() { [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null; }
trap 'stop_sshd; for i in $(seq 0 "$servers"); do tmux -L "jubo-test-$$-$i" kill-server 2>/dev/null; done; rm -rf "$tmp"' EXIT
check '[ -s "$ssh_dir/sshd.pid" ]' "sshd runs on 127.0.0.1:$port"
ssh_cmd="ssh -tt -F /dev/null -i $ssh_dir/user -o StrictHostKeyChecking=no -o UserKnownHostsFile=$ssh_dir/known_hosts -o LogLevel=ERROR -p $port $user@127.0.0.1"
check '$ssh_cmd true </dev/null >/dev/null 2>&1' "a key login works"

# The remote side in Korean: a localedef'd ko_KR.UTF-8 and the built catalogue.
remote_env="HOME=$tmp/home"
mkdir -p "$tmp/locale" "$tmp/share/ko/LC_MESSAGES"
if localedef -i ko_KR -f UTF-8 "$tmp/locale/ko_KR.UTF-8" 2>/dev/null &&
	msgfmt -o "$tmp/share/ko/LC_MESSAGES/jubo.mo" "$top_srcdir/po/ko.po" 2>/dev/null; then
	remote_env="$remote_env LOCPATH=$tmp/locale LC_ALL=ko_KR.UTF-8 JUBO_LOCALEDIR=$tmp/share"
	korean=1
else
	remote_env="$remote_env LC_ALL=C.UTF-8"
	korean=0
fi
servers=$((servers + 1))
socket="jubo-test-$$-$servers"
tm new-session -d -x 100 -y 30 "$ssh_cmd env $remote_env $JUBO --db $JUBO_SAMPLE_DB; sleep 30"
tm set-option -g status off
for i in $(seq 1 50); do screen | grep -q "418" && break; sleep 0.2; done
settle
if [ "$korean" = 1 ]; then
	check 'screen | head -1 | grep -q "^ 1 뉴스 (10)  2 거래  3 지역  4 일정  5 관심 .*주간 중국창업 418호 · 2025-03-31$"' "over SSH: the tab bar in Korean"
	check 'screen | tail -1 | grep -q "^q 끝내기  ? 도움말  s 정렬  f 필터  / 검색  Enter 열기  i 호 선택$"' "the hints in Korean"
	check 'screen | tail -2 | head -1 | grep -q "^ 뉴스  1 / 10$"' "the status line in Korean"
fi
keys 2 l l S
check 'screen | sed -n 3p | grep -q "^N   Infinite R[^ ]*… .*30 억 달러"' "sorted by amount over SSH: 30 억 달러 first"
screen | perl "$top_srcdir/tests/cli/columns.pl" --screen 100 narrow >"$tmp/check"
pass_or_fail $? "over SSH the columns line up: $(tail -1 "$tmp/check")"
keys f
type_text "region:장쑤"
keys Enter
check 'screen | sed -n 3p | grep -q "^N   광양홀딩스 "' "a filter typed in Korean over SSH"
check '[ "$(screen | sed -n 5p)" = "" ]' "two deals in 장쑤"
keys 1 j j j j j Enter
check 'screen | sed -n 2p | grep -q "^2025 년 뇌-컴퓨터 인터페이스 산업 발전 현황"' "the BCI article opens over SSH"
keys Space
check 'screen | grep -q "^업스트림   | 핵심 장치     | 뇌파 수집 장비, BCI 칩 등"' "with its table"
keys q 3
check 'screen | grep -q ">장쑤"' "the Regions pane over SSH"
keys 4
check 'screen | grep -q "2025-04"' "the Calendar pane over SSH"
keys q
sleep 0.5
check '! pgrep -f "$JUBO --db $JUBO_SAMPLE_DB" >/dev/null || ! screen | grep -q "418"' "q ends the remote jubo"
stop_sshd
for i in $(seq 1 50); do kill -0 "$sshd_pid" 2>/dev/null || break; sleep 0.1; done
check '! kill -0 "$sshd_pid" 2>/dev/null' "the server is stopped"
finish
