// Parser: PostgreSQL's own grammar (libpg_query) turned into OmenDB parse nodes.
#pragma once

#include <string_view>
#include <vector>

#include "common/status.h"
#include "sql/parser/parsed_nodes.h"

namespace omendb::sql {

// Parses every statement in `sql` (empty statements are dropped, so "" and ";" give none).
// Errors: 42601 syntax errors with PostgreSQL's message and position; 0A000 naming any
// statement or construct OmenDB does not support yet. Parsing is all-or-nothing: no statement
// is returned if any fails, as PostgreSQL rejects a whole query string with a syntax error.
Result<std::vector<ParsedStatement>> Parse(std::string_view sql);

// Parses one expression (as written in a select list), e.g. a stored DEFAULT or CHECK
// expression. Errors as Parse; 42601 when `sql` is not exactly one expression.
Result<ParsedExprPtr> ParseExpression(std::string_view sql);

// Splits `sql` into statement texts without interpreting them (for shells feeding one
// statement at a time, as psql does): each text starts at the statement's first token and
// ends with its ';' (if any); comments between statements and empty statements are dropped.
// Errors 42601 for unterminated quotes and the like.
Result<std::vector<std::string>> SplitStatements(std::string_view sql);

}  // namespace omendb::sql
