#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every word of the pack's own can be translated.

Builds a pseudo-translation of the strings po/POTFILES.in marks (every
letter accented, every vowel doubled: longer, as real translations are),
installs it in a temporary locale folder, writes the full and the summary
pack headless with it and reads their text back: no word may be left in
English but the reports' own (authority, titles, items, file names: what the
JSON export holds; in the passages the Evidence section quotes, the words
of the reports' text) and the month names
the C library's locale gives the dates. A file that cannot be read (a
damaged PDF) is listed with its reason translated, in the pack and in the
command line's message, though the JSON keeps it in English: only the
words MuPDF gives are left as they are.

Usage: check-pack-translated.py SOURCE_ROOT INSPECTION_COMPARE
Exit 77 (skipped) only when the gettext or poppler tools are absent.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

TOOLS = ('xgettext', 'msgfmt', 'pdftotext', 'pdfinfo', 'mutool')
LANGUAGE = 'x_pseudo'
DOMAIN = 'inspection-compare'
QUERY = 'oversight'

# The keywords of meson's 'glib' gettext preset (po/meson.build).
KEYWORDS = ['--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
            '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3']

ACCENTED = dict(zip(
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
    'áƀçďéƒğĥíĵķĺṁñóƥʠŕšťúṽŵẋýžÁƁÇĎÉƑĞĤÍĴĶĹṀÑÓƤǪŔŠŤÚṼŴẊÝŽ'))

# What a translation must keep as it is: printf conversions and markup.
KEEP = re.compile(r"%(?:\d+\$)?[-+ #0']*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcsp%]|<[^>]*>|&\w+;")

HEADER = ('Project-Id-Version: inspection-compare', 'PO-Revision-Date: 2026-12-03 00:00+0000',
          'Last-Translator: check-pack-translated.py', 'Language-Team: none', 'Language: ' + LANGUAGE,
          'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit',
          'Plural-Forms: nplurals=2; plural=(n != 1);')

MONTHS = ('January February March April May June July August September October November December '
          'Jan Feb Mar Apr Jun Jul Aug Sep Oct Nov Dec').split()


def pseudo(text):
    """Accents every letter and doubles every vowel, outside what KEEP keeps."""
    out, at = [], 0
    for kept in KEEP.finditer(text):
        out.append(pseudo_words(text[at:kept.start()]))
        out.append(kept.group(0))
        at = kept.end()
    out.append(pseudo_words(text[at:]))
    return ''.join(out)


def pseudo_words(text):
    return ''.join(ACCENTED.get(c, c) * (2 if c in 'aeiouAEIOU' else 1) for c in text)


# A .pot as xgettext writes it: entries of keyword lines and their
# continuation strings.
LINE = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$')


def unquote(text):
    return json.loads('"' + text + '"')


def quote(text):
    return json.dumps(text, ensure_ascii=False)


def read_pot(path):
    entries, entry, key = [], {}, None
    for line in path.read_text(encoding='utf-8').splitlines() + ['']:
        match = LINE.match(line)
        if match:
            key = match.group(1)
            entry[key] = unquote(match.group(2))
        elif line.startswith('"') and key:
            entry[key] += unquote(line[1:-1])
        elif not line.strip() and entry:
            entries.append(entry)
            entry, key = {}, None
    return entries


def write_po(entries, path):
    lines = []
    for entry in entries:
        if entry.get('msgid') == '':
            lines += ['msgid ""', 'msgstr ""', *(quote(field + '\n') for field in HEADER), '']
            continue
        if 'msgctxt' in entry:
            lines.append('msgctxt ' + quote(entry['msgctxt']))
        lines.append('msgid ' + quote(entry['msgid']))
        if 'msgid_plural' in entry:
            lines.append('msgid_plural ' + quote(entry['msgid_plural']))
            lines.append('msgstr[0] ' + quote(pseudo(entry['msgid'])))
            lines.append('msgstr[1] ' + quote(pseudo(entry['msgid_plural'])))
        else:
            lines.append('msgstr ' + quote(pseudo(entry['msgid'])))
        lines.append('')
    path.write_text('\n'.join(lines), encoding='utf-8')


def build_catalogue(top, work):
    sources = [line.strip() for line in (top / 'po' / 'POTFILES.in').read_text().splitlines()
               if line.strip().endswith('.c') and not line.startswith('#')]
    pot = work / 'all.pot'
    subprocess.run(['xgettext', '--from-code=UTF-8', '--language=C', '--add-comments=Translators',
                    '-o', str(pot), *KEYWORDS, *sources], cwd=top, check=True)
    po = work / 'pseudo.po'
    write_po(read_pot(pot), po)
    locale = work / 'locale'
    messages = locale / LANGUAGE / 'LC_MESSAGES'
    messages.mkdir(parents=True)
    # --check: the pseudo-translation keeps every conversion of its msgid.
    subprocess.run(['msgfmt', '--check', '-o', str(messages / (DOMAIN + '.mo')), str(po)], check=True)
    return locale, {entry['msgid'] for entry in read_pot(pot) if entry.get('msgid')}


def reports_folder(top, work):
    """The fixture's reports, and a file that cannot be read, in a folder of the test's own."""
    folder = work / 'reports'
    shutil.copytree(top / 'tests' / 'fixtures' / 'i18n', folder)
    (folder / 'broken.pdf').write_bytes(b'%PDF-1.4\nthis is not a PDF body\n')
    return folder


def run(app, env, *args):
    result = subprocess.run([app, *args], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f'{app} {" ".join(args)} exited {result.returncode}: {result.stderr}')
    return result


def reason_data(reason, msgids, nested=False):
    """The words of a failure's reason that are not the app's: none of a
    reason the catalogue holds; of one a template holds ("the PDF is
    damaged: %s"), those of its value (MuPDF's own words) unless the
    catalogue holds the value too. A reason of the app's own that is not
    marked is left in English where it is shown, and fails the test."""
    if reason in msgids:
        return ''
    for msgid in msgids:
        head, conversion, tail = msgid.partition('%s')
        if (conversion and '%' not in head + tail and len(reason) > len(head) + len(tail)
                and reason.startswith(head) and reason.endswith(tail)):
            return reason_data(reason[len(head):len(reason) - len(tail)], msgids, True)
    return reason if nested else ''


def data_words(json_path, msgids):
    """Words the pack takes from the reports, as the JSON export holds them."""
    model = json.loads(json_path.read_text(encoding='utf-8'))
    texts = []
    for report in model['reports']:
        texts += [report.get(k) or '' for k in ('source', 'authority', 'title', 'improvement_note')]
        for item in report['improvements']:
            texts += [item['text'], item.get('timeframe') or '']
    for failure in model['failures']:
        texts += [failure['source'], reason_data(failure['reason'], msgids)]
    return set(re.findall(r'[A-Za-z]+', ' '.join(texts + [QUERY]))) | set(MONTHS)


def pack_text(pdf):
    text = subprocess.run(['pdftotext', '-enc', 'UTF-8', str(pdf), '-'],
                          capture_output=True, text=True, check=True).stdout
    outline = subprocess.run(['mutool', 'show', str(pdf), 'outline'],
                             capture_output=True, text=True, check=True).stdout
    info = subprocess.run(['pdfinfo', str(pdf)], capture_output=True, text=True, check=True).stdout
    titles = [m.group(1) for m in re.finditer(r'"(.*)"', outline)]
    metadata = [line.split(':', 1)[1] for line in info.splitlines() if line.startswith(('Title:', 'Subject:'))]
    return text.splitlines() + titles + metadata


# A passage the Evidence section quotes from a report: “… text …”.
QUOTED = re.compile(r'“…[^”]*…”', re.S)


def english_lines(lines, allowed, quoted_allowed):
    """Lines with words that are neither data nor translated; in a
    quoted passage, the words of the reports' text are data too."""
    text = '\n'.join(lines)
    passages = QUOTED.findall(text)
    left = []
    for line in QUOTED.sub('', text).splitlines() + passages:
        words = [w for w in re.findall(r'[A-Za-z]+', line)
                 if w not in allowed and not (line in passages and w in quoted_allowed)]
        if words:
            left.append(f'{line.strip()!r}: {" ".join(words)}')
    return left


def check_failure_message(stderr, folder, allowed):
    """The command line names the file it could not read, and why, translated."""
    lines = [line for line in stderr.splitlines() if line.startswith(str(folder / 'broken.pdf'))]
    left = english_lines(lines, allowed, set())
    translated = sum(1 for line in lines if any(c in line for c in 'áéíóú'))
    print(f'command line: {len(lines)} failure lines, {translated} pseudo-translated, {len(left)} left in English')
    for line in left:
        print(f'  {line}')
    return 1 if left or translated == 0 else 0


def report_words(folder):
    return set(re.findall(r'[A-Za-z]+', ' '.join(p.read_text(encoding='utf-8') for p in folder.glob('*.txt'))))


def main():
    top = pathlib.Path(sys.argv[1]).resolve()
    app = sys.argv[2]
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        print(f'SKIP: {", ".join(missing)} not installed (build-aux/deps.sh installs them)')
        sys.exit(77)

    with tempfile.TemporaryDirectory(prefix='ic-pseudo-') as tmp:
        work = pathlib.Path(tmp)
        locale, msgids = build_catalogue(top, work)
        env = dict(os.environ, IC_LOCALEDIR=str(locale), LANGUAGE=LANGUAGE, LC_ALL='C.UTF-8')
        folder = reports_folder(top, work)
        out = work / 'out'
        out.mkdir()
        exported = run(app, env, f'--export-json={out / "model.json"}', str(folder))
        allowed = data_words(out / 'model.json', msgids)

        status = check_failure_message(exported.stderr, folder, allowed)
        for pack in ('full', 'summary'):
            pdf = out / f'{pack}.pdf'
            run(app, env, f'--export-pdf={pdf}', f'--pack={pack}', f'--search={QUERY}', str(folder))
            lines = pack_text(pdf)
            translated = sum(1 for line in lines if any(c in line for c in 'áéíóú'))
            left = english_lines(lines, allowed, report_words(folder))
            print(f'{pack} pack: {len(lines)} lines, {translated} pseudo-translated, {len(left)} left in English')
            for line in left:
                print(f'  {line}')
            if left or translated == 0:
                status = 1
            if not any(line.startswith('broken.pdf') or 'broken.pdf' in line for line in lines):
                print(f'  {pack} pack: broken.pdf is not listed among the files that could not be read')
                status = 1
    sys.exit(status)


if __name__ == '__main__':
    main()
