#!/usr/bin/env bash
# Installs the two real ticket systems the integration tests start (tests/support/redmine.ts,
# tests/support/request-tracker.ts): Debian's Redmine 5 with SQLite (run by `rackup -r
# webrick`) and Request Tracker 5 with SQLite and its standalone server, with msmtp as the
# mail transport so no mail daemon is installed. Every install question is preseeded
# (sqlite3 for both, no cron jobs, no AppArmor question), so it runs unattended.
# Quiet when everything is there or the install succeeds; prints apt's output when it fails.
# Run as root (or with sudo available). The tests never use the instances Debian sets up:
# they copy their own databases into temp folders.
set -euo pipefail

packages=(redmine redmine-sqlite ruby-webrick request-tracker5 rt5-db-sqlite rt5-standalone msmtp-mta)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

install() {
  $SUDO debconf-set-selections <<'SELECTIONS'
redmine redmine/current-instances string default
redmine redmine/instances/default/dbconfig-install boolean true
redmine redmine/instances/default/database-type select sqlite3
redmine redmine/instances/default/db/basepath string /var/lib/dbconfig-common/sqlite3/redmine/instances/default
redmine redmine/instances/default/db/dbname string redmine_default
redmine redmine/instances/default/default-language select en
request-tracker5 request-tracker5/dbconfig-install boolean true
request-tracker5 request-tracker5/database-type select sqlite3
request-tracker5 request-tracker5/db/basepath string /var/lib/dbconfig-common/sqlite3/request-tracker5
request-tracker5 request-tracker5/db/dbname string rtdb
request-tracker5 request-tracker5/rtname string stint.test
request-tracker5 request-tracker5/organization string stint.test
request-tracker5 request-tracker5/correspondaddress string rt@stint.test
request-tracker5 request-tracker5/commentaddress string rt-comment@stint.test
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1:8085
request-tracker5 request-tracker5/webpath string /rt
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
msmtp msmtp/apparmor boolean false
SELECTIONS
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
}

if ! install >"$log" 2>&1; then
  echo "Installing Debian's ${missing[*]} for the ticket-system tests failed:" >&2
  cat "$log" >&2
  exit 1
fi
