#!/usr/bin/env bash
# Takes docs/images/translator-omegat.png (docs/translating.md, "A translator's day", step 3):
# OmegaT translating the demo course's French export, with the course's translation memory (TMX)
# in tm/, its glossary (TBX) in glossary/ and the unit's notes in the Comments pane.
#
# Needs the Debian packages omegat (3.6) xvfb xdotool imagemagick
# (`apt-get install -y omegat xvfb xdotool imagemagick`), Node 20 and node_modules. Not part of CI:
# run it by hand (`bash scripts/omegat-screenshot.sh`) when the exchange files or OmegaT change.
#
# It works in $WORK (default /tmp/omegat) on a copy of courses/ and writes nothing else in the
# repository. The demo course has no approved French yet (its TMX would be empty), so the copy's
# French is approved first, its TMX exported, and then one English sentence edited as an author
# would: that unit is stale, and OmegaT offers the TMX's translation of the old sentence as a fuzzy
# match. OmegaT 3.6's own XLIFF filter translates <target> (XLIFF "of the source=target variety")
# and would take our French targets for the source text, so the project uses the PO export (the
# same units, notes and placeholders). Placeholders {1}, {2} are made tags with OmegaT's custom
# tag pattern \{\d+\} (Options › Tag Processing).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${WORK:-/tmp/omegat}"
DISPLAY_NUM="${DISPLAY_NUM:-99}"
OUT="$ROOT/docs/images/translator-omegat.png"
COURSE="$WORK/courses/rights-based-mental-health"
PROJECT="$WORK/project"
pc() { node "$ROOT/bin/polycourse.mjs" "$@"; }

# 1. The exchange files, from a copy of the course.
rm -rf "$WORK/courses" "$PROJECT" "$WORK/config"
mkdir -p "$WORK"
cp -a "$ROOT/courses" "$WORK/courses"
pc l10n mark "$COURSE" --locale fr --approve
pc l10n tm export "$WORK/courses" --locale fr --out "$WORK/course.tmx"
LESSON="$COURSE/modules/recovery/hope-and-connection.en.mdx"
OLD='share what helped them, and show by example that'
NEW='share what has helped them, and show by their own example that'
grep -q "$OLD" "$LESSON" || { echo "omegat-screenshot: sentence not found in $LESSON" >&2; exit 1; }
sed -i "s/$OLD/$NEW/" "$LESSON"
pc l10n export "$COURSE" --locale fr --format po --out "$WORK/fr.po"
pc l10n export "$COURSE" --locale fr --format xliff12 --out "$WORK/fr.xlf" # for comparison only
pc l10n glossary "$COURSE" --locale fr --format tbx --out "$WORK/fr.tbx"

# 2. The OmegaT project: source/ (PO), tm/ (TMX), glossary/ (TBX); one unit, one segment.
mkdir -p "$PROJECT"/{source,target,tm,glossary,dictionary,omegat}
cp "$WORK/fr.po" "$PROJECT/source/"
cp "$WORK/course.tmx" "$PROJECT/tm/"
cp "$WORK/fr.tbx" "$PROJECT/glossary/"
cat > "$PROJECT/omegat.project" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes><mask>**/.git/**</mask></source_dir_excludes>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>en</source_lang>
    <target_lang>fr</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
XML

# 3. OmegaT's settings: no start-up dialogs, a 1400×900 window, the panes laid out.
mkdir -p "$WORK/config/scripts"
cat > "$WORK/config/omegat.prefs" <<XML
<?xml version="1.0" encoding="UTF-8" ?>
<omegat>
  <preference version="1.0">
    <project_files_show_on_load>false</project_files_show_on_load>
    <mt_auto_fetch>false</mt_auto_fetch>
    <lt_disabled>true</lt_disabled>
    <taas_lookup>false</taas_lookup>
    <ac_show_suggestions_automatically>false</ac_show_suggestions_automatically>
    <scripts_dir>$WORK/config/scripts</scripts_dir>
    <tagValidation_customPattern>\{\d+\}</tagValidation_customPattern>
    <screen_x>0</screen_x>
    <screen_y>0</screen_y>
    <screen_width>1400</screen_width>
    <screen_height>900</screen_height>
  </preference>
</omegat>
XML
dock() { printf '<Dockable><Key dockName="%s"/></Dockable>\n' "$1"; }
hidden() {
  printf '<Dockable><Key dockName="%s"/><RelativePosition x="0.6" y="0.7" w="0.4" h="0.3"/>' "$1"
  printf '</Dockable>\n'
}
{
  echo '<?xml version="1.0"?>'
  echo '<VLDocking version="2.1"><DockingDesktop name="">'
  echo '<DockingPanel x="0" y="0" width="1400" height="900">'
  echo '<Split orientation="1" location="0.6">'
  echo '<Split orientation="0" location="0.7">'; dock EDITOR; dock COMMENTS; echo '</Split>'
  echo '<Split orientation="0" location="0.63">'; dock MATCHES; dock GLOSSARY; echo '</Split>'
  echo '</Split></DockingPanel>'
  echo '<Border zone="2">'
  for name in DICTIONARY MACHINE_TRANSLATE MULTIPLE_TRANS NOTES; do hidden "$name"; done
  echo '</Border><TabGroups></TabGroups></DockingDesktop></VLDocking>'
} > "$WORK/config/uiLayout.xml"

# 4. OmegaT under Xvfb; go to the stale unit, take the TMX's match and update it.
export DISPLAY=":$DISPLAY_NUM"
Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
OMEGAT_PID=
cleanup() {
  [ -z "$OMEGAT_PID" ] || kill "$OMEGAT_PID" 2>/dev/null || true
  kill "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT
sleep 2
cd "$WORK"
omegat --config-dir="$WORK/config" "$PROJECT" >"$WORK/omegat.log" 2>&1 &
OMEGAT_PID=$!
for _ in $(seq 1 90); do
  grep -q 'glossary entries from fr.tbx' "$WORK/omegat.log" && break
  sleep 1
done
grep -q 'glossary entries from fr.tbx' "$WORK/omegat.log" \
  || { echo "omegat-screenshot: OmegaT did not load the project: $WORK/omegat.log" >&2; exit 1; }
sleep 5
# The segment number of the stale unit: entries in PO order, the header is segment 1.
SEGMENT=$(awk '/^msgid /{n++} /hope-and-connection\.body:3"/{print n+1; exit}' "$WORK/fr.po")
snap() { import -window root "$WORK/shot.png"; }
# The bottom of the active segment's source (OmegaT paints it #C0FFC0) in the editor.
active_y() {
  snap
  convert "$WORK/shot.png" -crop 1x900+12+0 txt:- | awk -F'[,:]' '/C0FFC0/{y=$2} END{print y}'
}
xdotool mousemove 300 "$(($(active_y) - 5))" click 1
sleep 1
xdotool key ctrl+j # Go To › Segment Number
sleep 2
xdotool mousemove 700 440 click 1 # the dialog's field, in the middle of the window
sleep 0.5
xdotool type "$SEGMENT"
xdotool key Return
sleep 3
xdotool mousemove 300 "$(($(active_y) + 12))" click 1 # into the target
sleep 1
xdotool key ctrl+r # Replace with Match: the TMX's translation of the old sentence
sleep 1
xdotool key ctrl+a
xdotool type --delay 15 "Dans la {1}pair-aidance{2}, des personnes ayant une expérience \
vécue en soutiennent d’autres. Les pairs aidants ne disent pas aux gens quoi faire. Ils écoutent, \
partagent ce qui les a aidés et montrent par leur propre exemple que le rétablissement est \
possible."
sleep 2
snap

# 5. The picture: the whole window (ImageMagick keeps its ~200 colours as a palette PNG).
convert "$WORK/shot.png" -strip "$OUT"
echo "wrote $OUT ($(wc -c <"$OUT") bytes); OmegaT's log: $WORK/omegat.log"
