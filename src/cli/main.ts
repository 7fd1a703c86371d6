/**
 * The vnpress command line. Each verb lives in its own module, loaded only when used, so that
 * `vnpress extract` starts fast. Exit codes: 0 ok, 1 failure, 2 bad usage.
 */
import { Command, CommanderError } from 'commander';
import { describeError, VnpressError } from '../errors.js';

export const DEFAULT_DB = 'data/vnpress.db';

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

function listingOptions(cmd: Command): Command {
  return cmd
    .option('--json', 'output a JSON array')
    .option('--nl', 'output JSON lines, one object per line')
    .option('--csv', 'output CSV (UTF-8 with BOM, for spreadsheets)');
}

export function buildProgram(): Command {
  const program = new Command('vnpress')
    .description('Vietnamese government press releases as data: crawl, extract, store, search.')
    .option('--debug', 'print stack traces of errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('extract')
    .description('extract an article and its facts from a saved page (.html) or an article text (.txt)')
    .argument('<file>', 'the .html or .txt file')
    .option('--json', 'print the JSON contract (article, legalRefs, officials, meetings, claims)')
    .option('--published-on <date>', 'publication date YYYY-MM-DD, when the file does not give it')
    .option('--url <url>', 'the page\'s address: picks the site profile and is kept with the article')
    .addHelpText('after', examples(
      'vnpress extract fixtures/baochinhphu.vn/thu-tuong-chu-tri-phien-hop-cds/page.html',
      'vnpress extract article.txt --json --published-on 2022-08-08',
    ))
    .action(async (file: string, opts) => {
      const { runExtract } = await import('./extract.js');
      runExtract(file, opts);
    });

  program
    .command('crawl')
    .description('crawl sources into the database (resumable: run the same command again after a stop, a crash or kill -9)')
    .argument('[sources...]', 'source ids (see `vnpress sources`)')
    .option('--all', 'crawl every source')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--since <date>', 'stop following listings, sitemaps and feeds at articles older than this date (YYYY-MM-DD)')
    .option('--max-pages <n>', 'fetch at most this many pages in this run', (v) => Number.parseInt(v, 10))
    .option('--status', 'show the state of the crawl job in the database (running or stopped) and exit')
    .option('--json', 'with --status: output JSON')
    .option('--log-json', 'write every event as a JSON line on stdout (no progress line)')
    .option('--quiet', 'do not list every article stored')
    .option('--fetch-only', 'store the pages without extracting articles (run `vnpress reextract` later)')
    .option('--resolve <host=addr...>', 'send a host\'s requests to another address, like curl --resolve (host=http://127.0.0.1:8080)')
    .option('--delay <ms>', 'milliseconds between requests to one host (default: the source\'s pacing, at least 1000)', (v) => Number.parseInt(v, 10))
    .option('--concurrency <n>', 'requests in flight per host (default: the source\'s pacing, 1)', (v) => Number.parseInt(v, 10))
    .option('--max-bytes <size>', 'largest page accepted, before and after decompression (default 10MB)')
    .option('--user-agent <ua>', 'User-Agent header to send')
    .option('--contact <email-or-url>', 'contact put in the User-Agent so site owners can reach you')
    .option('--ignore-robots', 'do not obey robots.txt: only for sites you own')
    .option('--allow-private', 'allow private and loopback addresses (refused by default; hosts given to --resolve are always allowed)')
    .addHelpText('after', examples(
      'vnpress crawl baochinhphu --since 2024-01-01 --max-pages 200',
      'vnpress crawl --all --contact you@example.org',
      'vnpress crawl --status',
      'vnpress crawl mpi --log-json | jq -c \'select(.type == "failed")\'',
    ))
    .action(async (sources: string[], opts) => {
      const { runCrawl } = await import('./crawl.js');
      await runCrawl(sources, opts);
    });

  program
    .command('reextract')
    .description('run article and fact extraction again over the archived pages, without the network')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--source <id>', 'only this source')
    .option('--quiet', 'do not list every article that changed')
    .addHelpText('after', examples('vnpress reextract', 'vnpress reextract --source baochinhphu'))
    .action(async (opts) => {
      const { runReextract } = await import('./reextract.js');
      runReextract(opts);
    });

  program
    .command('export-warc')
    .description('write the archived pages as WARC files (.warc.gz) for web-archive tools')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--out <dir>', 'folder for the files', 'warc')
    .option('--source <id>', 'only this source')
    .option('--max-size <size>', 'start a new file past this size', '1GB')
    .option('--prefix <name>', 'file name prefix', 'vnpress')
    .addHelpText('after', examples('vnpress export-warc --out archive/', 'vnpress export-warc --source mpi --max-size 100MB'))
    .action(async (opts) => {
      const { runExportWarc } = await import('./export-warc.js');
      await runExportWarc(opts);
    });

  program
    .command('sources')
    .description('list the source definitions in pipelines/')
    .option('--json', 'output JSON')
    .addHelpText('after', examples('vnpress sources'))
    .action(async (opts) => {
      const { runSources } = await import('./sources.js');
      runSources(opts);
    });

  listingOptions(program
    .command('search')
    .description('full-text search over articles and claims, accent-insensitive ("nghi dinh" finds "Nghị định")')
    .argument('<query...>', 'words to find; quoted phrases and prefix* work')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--in <what>', 'articles, claims, officials (by name or title) or documents (by number, type or subject)', 'articles')
    .option('--raw', 'pass the query to SQLite FTS5 as written (AND, OR, NEAR, column filters)')
    .option('--exact', 'match diacritics exactly ("hòa" does not find "hoa")')
    .option('--source <id>', 'only this source')
    .option('--since <date>', 'published on or after (YYYY-MM-DD)')
    .option('--until <date>', 'published on or before (YYYY-MM-DD)')
    .option('--official <name>', 'only articles naming this official (diacritics optional)')
    .option('--document <number>', 'only articles citing this legal document, e.g. 13/2023/NĐ-CP')
    .option('--metric <key>', 'with --in claims: only this metric (gdp-growth, cpi, exports, …)')
    .option('--qualifier <q>', 'with --in claims: exact, over (hơn), under (dưới), about (khoảng), nearly (gần), at_least, at_most')
    .option('--limit <n>', 'at most this many results', (v) => Number.parseInt(v, 10), 20)
    .addHelpText('after', examples('vnpress search hoa don dien tu', 'vnpress search "chuyển đổi số" --in claims --csv > claims.csv',
      'vnpress search du lieu ca nhan --official "To Lam" --since 2023-01-01')))
    .action(async (query: string[], opts) => {
      const { runSearch } = await import('./search.js');
      runSearch(query.join(' '), opts);
    });

  listingOptions(program
    .command('claims')
    .description('numeric claims (value, unit, qualifier, period, metric, sentence), newest first; with words, searched and ranked')
    .argument('[query...]', 'words to find in the metric and sentence (optional)')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--metric <key>', 'only this metric: a catalog key (gdp-growth, cpi, exports, fdi-registered, …) or a full key (exports|usd)')
    .option('--qualifier <q>', 'exact, over (hơn), under (dưới), about (khoảng), nearly (gần), at_least (ít nhất), at_most (không quá)')
    .option('--period <p>', 'the period or its start: 2024 (all of 2024), 2024-Q2, 2024-H1, 2024-06')
    .option('--unit <unit>', 'only this unit (%, USD, VND, doanh nghiệp, …)')
    .option('--source <id>', 'only this source')
    .option('--since <date>', 'articles published on or after (YYYY-MM-DD)')
    .option('--until <date>', 'articles published on or before (YYYY-MM-DD)')
    .option('--official <name>', 'only articles naming this official')
    .option('--document <number>', 'only articles citing this legal document')
    .option('--limit <n>', 'at most this many', '50')
    .addHelpText('after', examples('vnpress claims --metric gdp-growth', 'vnpress claims xuat khau --qualifier hơn --period 2024 --csv > exports.csv')))
    .action(async (query: string[], opts) => {
      const { runClaims } = await import('./claims.js');
      runClaims(query, opts);
    });

  listingOptions(program
    .command('decree')
    .alias('document')
    .description('a legal document (decree, decision, resolution, …) and every article citing it, by date')
    .argument('<number>', 'the document number, e.g. 42/2022/NĐ-CP (ND for NĐ works too)')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .addHelpText('after', examples('vnpress decree 13/2023/NĐ-CP', 'vnpress decree 01/NQ-CP --csv > citations.csv')))
    .action(async (number: string, opts) => {
      const { runDecree } = await import('./decree.js');
      runDecree(number, opts);
    });

  listingOptions(program
    .command('officials')
    .description('the officials the articles mention most, with their latest title and the span of their reports')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--limit <n>', 'how many', '50')
    .addHelpText('after', examples('vnpress officials', 'vnpress officials --limit 200 --csv > officials.csv')))
    .action(async (opts) => {
      const { runOfficials } = await import('./officials.js');
      runOfficials(opts);
    });

  listingOptions(program
    .command('official')
    .description("a person's titles over time as the articles report them; or who held a post on a day")
    .argument('[name]', 'the person, with or without diacritics')
    .option('--title <title>', 'with --on: the post, e.g. "Bộ trưởng Bộ Công an" (a shorter title matches longer ones)')
    .option('--on <date>', 'with --title: the day, YYYY-MM-DD')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .addHelpText('after', examples('vnpress official "Tô Lâm"', 'vnpress official "Pham Minh Chinh" --json',
      'vnpress official --title "Bộ trưởng Bộ Công an" --on 2022-06-01')))
    .action(async (name: string | undefined, opts) => {
      const { runOfficial } = await import('./officials.js');
      runOfficial(name, opts);
    });

  const trend = program
    .command('trend')
    .description('trends over time: a metric period by period, mentions per week or month, each month\'s distinctive terms');

  listingOptions(trend
    .command('metric')
    .description('one metric\'s figures by period and source; different values for the same period are shown side by side as conflicts')
    .argument('<key>', 'a catalog key (gdp-growth, cpi, exports…), a full key (exports|usd) or the metric as written ("tăng trưởng GDP")')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--source <id>', 'only this source')
    .option('--since <date>', 'periods starting on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'periods starting on or before (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--unit <unit>', 'only figures in this unit ("%", "USD") or unit class ("rate", "usd")')
    .addHelpText('after', examples('vnpress trend metric gdp-growth', 'vnpress trend metric "chỉ số giá tiêu dùng" --since 2024 --csv > cpi.csv',
      'vnpress trend metric exports --unit USD --json')))
    .action(async (key: string, opts) => {
      const { runTrendMetric } = await import('./trend.js');
      runTrendMetric(key, opts);
    });

  listingOptions(trend
    .command('mentions')
    .description('articles naming an official, citing a document or using a term, per ISO week or month (empty periods included)')
    .option('--official <name>', 'a person, with or without diacritics')
    .option('--document <number>', 'a document number, e.g. 13/2023/NĐ-CP (ND for NĐ works too)')
    .option('--term <words>', 'a word or phrase, accent-insensitive')
    .option('--every <period>', 'week or month', 'month')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--source <id>', 'only this source')
    .option('--since <date>', 'published on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'published on or before (YYYY, YYYY-MM or YYYY-MM-DD)')
    .addHelpText('after', examples('vnpress trend mentions --official "Tô Lâm" --every week', 'vnpress trend mentions --document 13/2023/ND-CP --csv > citations.csv',
      'vnpress trend mentions --term "chuyển đổi số" --since 2024 --every month')))
    .action(async (opts) => {
      const { runTrendMentions } = await import('./trend.js');
      runTrendMentions(opts);
    });

  listingOptions(trend
    .command('terms')
    .description('each period\'s most distinctive two-syllable phrases, by TF–IDF across periods')
    .option('--every <period>', 'week or month', 'month')
    .option('--limit <n>', 'phrases per period', '10')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--source <id>', 'only this source')
    .option('--since <date>', 'published on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'published on or before (YYYY, YYYY-MM or YYYY-MM-DD)')
    .addHelpText('after', examples('vnpress trend terms --every month', 'vnpress trend terms --since 2024 --limit 5 --csv > terms.csv')))
    .action(async (opts) => {
      const { runTrendTerms } = await import('./trend.js');
      runTrendTerms(opts);
    });

  program
    .command('export')
    .description('export a table (articles, claims, officials, documents, meetings) as CSV, JSON or JSON lines')
    .argument('<table>', 'articles | claims | officials | documents | meetings')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--csv', 'CSV (default): RFC 4180, UTF-8 with BOM, ISO dates')
    .option('--json', 'a JSON array')
    .option('--nl', 'JSON lines')
    .option('--source <id>', 'only this source')
    .option('--since <date>', 'articles published on or after (YYYY-MM-DD)')
    .option('--until <date>', 'articles published on or before (YYYY-MM-DD)')
    .option('--official <name>', 'rows from articles naming this official; in officials, that person\'s titles')
    .option('--document <number>', 'rows from articles citing this document (ND for NĐ works too); in documents, that document')
    .option('--metric <key>', 'claims: this metric, a catalog key (gdp-growth) or a full key (exports|usd)')
    .option('--qualifier <q>', 'claims: this qualifier, a code (over) or the word (hơn)')
    .option('--period <p>', 'claims: this period or its start: 2024 (all of 2024), 2024-Q2, 2024-H1, 2024-06')
    .option('--unit <unit>', 'claims: only this unit (%, USD, VND, …)')
    .addHelpText('after', examples('vnpress export claims --csv > claims.csv', 'vnpress export documents --nl | head',
      'vnpress export claims --metric cpi --qualifier hơn --since 2024-01-01 --csv > cpi.csv', 'vnpress export officials --official "Pham Minh Chinh"'))
    .action(async (table: string, opts) => {
      const { runExport } = await import('./export.js');
      await runExport(table, opts);
    });

  program
    .command('report')
    .description('one self-contained HTML file with SVG charts: metric series, most-cited documents, officials, meetings by month, crawl coverage')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--out <file>', 'where to write it (- for standard output)', 'report.html')
    .option('--source <id>', 'only this source')
    .option('--since <date>', 'articles published on or after (YYYY, YYYY-MM or YYYY-MM-DD); for metrics, periods starting then')
    .option('--until <date>', 'articles published on or before (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--metric <key>', 'chart this metric (repeat for more); by default the six most reported', (v: string, prev: string[] = []) => [...prev, v])
    .option('--top <n>', 'documents and officials to rank', '15')
    .addHelpText('after', examples('vnpress report --out report.html', 'vnpress report --since 2024 --source mpi --out mpi-2024.html',
      'vnpress report --metric cpi --metric exports --out trade.html'))
    .action(async (opts) => {
      const { runReport } = await import('./report.js');
      runReport(opts);
    });

  program
    .command('serve')
    .description('search claims in a browser: claim cards with their sentences, articles, officials, documents, metric charts, crawl status')
    .option('--db <path>', 'database file (opened read-only)', DEFAULT_DB)
    .option('--port <n>', 'port (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on; anything but 127.0.0.1 lets other machines read the database', '127.0.0.1')
    .option('--log', 'print each request with its status and time')
    .option('--no-cache', 'render every page anew (by default a page is kept until the database changes)')
    .option('--workers <n>', 'threads rendering pages (default: one per core, at most 8; 0 renders on the server thread)')
    .addHelpText('after', examples('vnpress serve', 'vnpress serve --db data/vnpress.db --port 3000'))
    .action(async (opts) => {
      const { runServe } = await import('./serve.js');
      await runServe(opts);
    });

  program
    .command('stats')
    .description('what the database holds: pages, articles, facts by kind, most-cited documents, officials')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--json', 'output JSON')
    .addHelpText('after', examples('vnpress stats', 'vnpress stats --db data/vnpress.db --json'))
    .action(async (opts) => {
      const { runStats } = await import('./stats.js');
      runStats(opts);
    });

  program
    .command('demo')
    .description('start the local mirror, crawl it, extract everything into the database, print a summary (npm start)')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .addHelpText('after', examples('vnpress demo', 'npm start'))
    .action(async (opts) => {
      const { runDemo } = await import('./demo.js');
      await runDemo(opts);
    });

  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function run(argv: string[]): Promise<number> {
  // A reader that stops early ("vnpress export claims --nl | head") closes the pipe: that is the end of the
  // output, not an error to report.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const program = buildProgram();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander already printed the problem (or the help, which exits 0).
      return err.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`vnpress: ${describeError(err)}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    else if (!(err instanceof VnpressError)) process.stderr.write('(run with --debug for details)\n');
    return err instanceof VnpressError ? err.exitCode : 1;
  }
}
