-- text, varchar(n), char(n): literals, padding and length rules, casts, comparisons, string
-- functions, LIKE/ILIKE, concatenation, over constants and columns.
SELECT 'abc', '', ' ', 'it''s', E'tab\there', E'nl\nx', U&'\00e9t\00e9', '日本語'
;;
SELECT 'abc'::varchar(2), 'abc'::varchar(3), 'ab'::char(4), 'abcdef'::char(3), ''::char(2), 'ab  '::varchar(2), 'ab   '::char(2)
;;
SELECT 'ab'::char(4) || '|', 'ab'::varchar(4) || '|', ('ab'::char(4))::text || '|', ('ab'::char(4))::varchar || '|'
;;
SELECT length('ab'::char(4)), octet_length('ab'::char(4)), length('ab  '::varchar), length('ab  '::text), char_length('日本'), octet_length('日本'), character_length('')
;;
SELECT 'ab'::char(4) = 'ab', 'ab'::char(4) = 'ab  '::char(2), 'ab'::varchar = 'ab  ', 'ab '::text = 'ab', 'ab'::char(3) < 'ab '::char(5), 'a'::char(3) < 'a '::text
;;
SELECT 'a' < 'b', 'B' < 'a', 'abc' < 'abd', 'ab' < 'abc', '' < 'a', 'é' > 'z', 'Z' < 'a'
;;
SELECT 'héllo wörld'::varchar(7), 'héllo'::char(2), length('héllo'::char(7))
;;
SELECT CAST('abc' AS varchar(1)), CAST(12345 AS varchar(3)), CAST(1.5 AS char(1)), CAST(true AS varchar(2))
;;
SELECT 'abc' || 'def', 'abc' || NULL, NULL || 'x', 'n=' || 5, 1.5 || 'x', true || '!', 'd:' || '2024-01-01'::date, '' || ''
;;
SELECT concat('a', NULL, 'b', 1, 2.5, true), concat(NULL), concat('', NULL)
;;
SELECT concat()
;;
SELECT lower('ABC def'), upper('abc DEF'), lower(''), upper(NULL)
;;
SELECT lower('ÉCLAIR Ä'), upper('éclair ä ß')
;;
SELECT substr('hello', 2), substr('hello', 2, 3), substr('hello', 0, 2), substr('hello', -1, 3), substr('hello', 10), substr('日本語', 2, 1)
;;
SELECT substring('hello' FROM 2 FOR 2), substring('hello' FROM 3), substring('hello' FOR 2), substring('hello', 1, 0)
;;
SELECT substr('hello', 1, -1)
;;
SELECT replace('banana', 'an', 'AN'), replace('banana', '', 'x'), replace('banana', 'a', ''), replace('aaa', 'aa', 'b'), replace(NULL, 'a', 'b')
;;
SELECT trim('  x  ') || '|', ltrim('  x  ') || '|', rtrim('  x  ') || '|', btrim('xxaxx', 'x'), trim(both 'x' from 'xxaxx'), trim(leading 'x' from 'xxaxx'), trim(trailing 'x' from 'xxaxx'), ltrim('abcabc', 'ba'), rtrim('abc  ')
;;
SELECT strpos('hello', 'l'), strpos('hello', ''), strpos('hello', 'z'), position('lo' IN 'hello'), position('' IN ''), strpos('日本語', '語')
;;
SELECT left('hello', 2), left('hello', -2), left('hello', 0), right('hello', 2), right('hello', -2), left('日本語', 1), right('', 3)
;;
SELECT repeat('ab', 3), repeat('ab', 0), repeat('ab', -1), repeat('', 5), reverse('abc'), reverse('日本'), reverse('')
;;
SELECT starts_with('hello', 'he'), starts_with('hello', ''), starts_with('hello', 'lo'), starts_with('', 'a')
;;
SELECT 'hello' LIKE 'h%', 'hello' LIKE 'h_llo', 'hello' LIKE 'H%', 'hello' ILIKE 'H%', 'hello' NOT LIKE '%z%', '' LIKE '%', '' LIKE '_'
;;
SELECT 'a%b' LIKE 'a\%b', 'axb' LIKE 'a\%b', 'a_b' LIKE 'a\_b', 'a%b' LIKE 'a#%b' ESCAPE '#', 'a\b' LIKE 'a\\b', 'ab' LIKE 'a%%b'
;;
SELECT 'ÉCLAIR' ILIKE 'éclair', 'Straße' ILIKE 'STRASSE', 'ÄB' ILIKE 'äb%'
;;
SELECT 'x' ~~ 'x', 'X' ~~* 'x', 'y' !~~ 'x', 'Y' !~~* 'x'
;;
SELECT 'abc' LIKE 'abc\'
;;
SELECT 'abc' LIKE 'a%' ESCAPE 'xy'
;;
SELECT NULL LIKE 'a', 'a' LIKE NULL, NULL ILIKE NULL
;;
SELECT 'abc'::text::varchar(2), '12'::text::integer, ' 12 '::varchar::bigint, '1.5'::char(3)::numeric, 't'::text::boolean
;;
SELECT 'x12'::text::integer
;;
SELECT id, t, vc, ch, length(t), length(vc), length(ch), octet_length(ch) FROM everything ORDER BY id
;;
SELECT id, t || '|', vc || '|', ch || '|', ch::text || '|', ch::varchar || '|' FROM everything ORDER BY id
;;
SELECT id, upper(t), lower(vc), reverse(t), left(t, 2), right(vc, 2) FROM everything ORDER BY id
;;
SELECT id, substr(t, 2, 3), strpos(t, 'a'), replace(t, 'a', '@'), repeat(ch, 2), concat(t, vc, ch) FROM everything ORDER BY id
;;
SELECT id, trim(vc) || '|', rtrim(t) || '|', btrim(ch) || '|' FROM everything ORDER BY id
;;
SELECT id, t = vc, ch = vc::char(4), ch = 'ab', vc = 'ab', t < vc FROM everything ORDER BY id
;;
SELECT id FROM everything WHERE ch = 'a' OR ch = '' ORDER BY id
;;
SELECT id FROM everything WHERE vc = 'ab' OR vc = 'ab  ' ORDER BY id
;;
SELECT id FROM everything WHERE t LIKE '%a' ORDER BY id
;;
SELECT id FROM everything WHERE t ILIKE 'a%' ORDER BY id
;;
SELECT id FROM everything WHERE t LIKE '%\%' ORDER BY id
;;
SELECT id FROM everything WHERE vc LIKE 'th\_ta' ORDER BY id
;;
SELECT id FROM everything WHERE ch LIKE 't%\_' ORDER BY id
;;
SELECT id FROM everything WHERE ch LIKE '%a' ORDER BY id
;;
SELECT id FROM everything WHERE vc NOT ILIKE '%A%' ORDER BY id
;;
SELECT id FROM everything WHERE t LIKE '_____' ORDER BY id
;;
SELECT id, t FROM everything ORDER BY t, id
;;
SELECT id, vc FROM everything ORDER BY vc DESC NULLS LAST, id
;;
SELECT id, ch FROM everything ORDER BY ch NULLS FIRST, id
;;
SELECT id, t FROM everything WHERE t > 'beta' ORDER BY t DESC, id
;;
SELECT name, qty, price, code, active FROM names ORDER BY name
;;
SELECT name FROM names WHERE name = 'apple'
;;
SELECT name FROM names WHERE name = 'apple ' OR name = '' ORDER BY name
;;
SELECT name FROM names WHERE name >= 'a' AND name < 'b' ORDER BY name
;;
SELECT name FROM names WHERE name BETWEEN 'A' AND 'Z' ORDER BY name
;;
SELECT name FROM names WHERE name IN ('fig', 'date', 'nope', '日本') ORDER BY name DESC
;;
SELECT name FROM names WHERE name LIKE 'a\%%' OR name LIKE 'a\_b' ORDER BY name
;;
SELECT name FROM names WHERE name LIKE 'a_b' ORDER BY name
;;
SELECT name FROM names WHERE name LIKE 'a\\b'
;;
SELECT name FROM names WHERE name ILIKE 'APPLE%' ORDER BY name
;;
SELECT name, code, code = 'a', code || '|', length(code) FROM names ORDER BY name
;;
SELECT code FROM names WHERE code = '日本'
;;
SELECT upper(name), lower(name), length(name), octet_length(name) FROM names ORDER BY name
;;
SELECT name, price::text, qty::text || '/' || price::text FROM names ORDER BY name
;;
SELECT max(name), min(name), max(code), min(code) FROM names
;;
SELECT label, length(label), upper(label) FROM big_keys ORDER BY k
;;
SELECT label || '|' FROM big_keys WHERE label LIKE '% ' ORDER BY k
;;
SELECT 'abc' = 'ABC', lower('ABC') = 'abc', 'abc' <> 'abc ', 'a' || 'b' = 'ab', 'x' IS DISTINCT FROM 'x '
;;
SELECT length(repeat('x', 10000)), md5len FROM (SELECT length(repeat('ab', 5000) || 'c') AS md5len) s
;;
SELECT 'a' || 1 || 2.5 || NULL IS NULL, 1 || 'a'
;;
SELECT 5::text, 5.00::text, (-0.5)::text, 1e100::float8::text, 'NaN'::float8::text, true::text, false::text
;;
SELECT ''::text IS NULL, ''::varchar = '', '' = ' '::char(1), ''::char(3) = ''
;;
SELECT id, strpos(vc, 'a'), position('a' IN ch), starts_with(vc, 'a'), substring(vc FROM 2), replace(vc, 'a', '-'), repeat(vc, 2) FROM everything ORDER BY id
;;
SELECT id, vc || ch || '|', ch || vc || '|', GREATEST(vc, ch), LEAST(ch, t), concat(ch, '|') FROM everything ORDER BY id
;;
SELECT id, lower(ch) || '|', trim(ch) || '|', ltrim(vc) || '|', rtrim(vc, ' s') || '|', btrim(vc, 'a') || '|' FROM everything ORDER BY id
;;
SELECT id, vc = ch, vc < ch, ch = 'eps', vc = 'eps', vc = 'eps  ', vc::text = 'eps  ' FROM everything ORDER BY id
;;
SELECT id FROM everything WHERE vc IN ('alpha', 'eps', 'ab') ORDER BY id
;;
SELECT id FROM everything WHERE ch IN ('ab', 'eps', 'a ') ORDER BY id
;;
SELECT name, code FROM names WHERE code IS NOT NULL ORDER BY code, name
;;
SELECT label FROM big_keys WHERE label IS NOT NULL ORDER BY label, k
;;
SELECT id, t FROM everything WHERE t ~~ 'a%' ORDER BY id
;;
SELECT id, t FROM everything WHERE t::varchar LIKE 'a%' ORDER BY id
