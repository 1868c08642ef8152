// SQLSTATE codes used by OmenDB, with PostgreSQL's meanings (Appendix A of its manual).
// A code travels unchanged from the layer that detects an error to pgwire's ErrorResponse.
#pragma once

namespace omendb::sqlstate {

inline constexpr char kSuccessfulCompletion[] = "00000";
inline constexpr char kWarning[] = "01000";
inline constexpr char kConnectionException[] = "08000";
inline constexpr char kProtocolViolation[] = "08P01";
inline constexpr char kFeatureNotSupported[] = "0A000";
inline constexpr char kCardinalityViolation[] = "21000";
inline constexpr char kDataException[] = "22000";
inline constexpr char kStringDataRightTruncation[] = "22001";
inline constexpr char kNullValueNotAllowed[] = "22004";
inline constexpr char kNumericValueOutOfRange[] = "22003";
inline constexpr char kInvalidDatetimeFormat[] = "22007";
inline constexpr char kDatetimeFieldOverflow[] = "22008";
inline constexpr char kInvalidTimeZoneDisplacement[] = "22009";
inline constexpr char kDivisionByZero[] = "22012";
inline constexpr char kInvalidRowCountInLimitClause[] = "2201W";
inline constexpr char kInvalidRowCountInResultOffsetClause[] = "2201X";
inline constexpr char kIntervalFieldOverflow[] = "22015";
inline constexpr char kInvalidParameterValue[] = "22023";
inline constexpr char kInvalidTextRepresentation[] = "22P02";
inline constexpr char kNotNullViolation[] = "23502";
inline constexpr char kUniqueViolation[] = "23505";
inline constexpr char kCheckViolation[] = "23514";
inline constexpr char kInvalidTransactionState[] = "25000";
inline constexpr char kActiveSqlTransaction[] = "25001";
inline constexpr char kNoActiveSqlTransaction[] = "25P01";
inline constexpr char kInFailedSqlTransaction[] = "25P02";
inline constexpr char kInvalidAuthorizationSpecification[] = "28000";
inline constexpr char kInvalidCatalogName[] = "3D000";
inline constexpr char kInvalidSavepointSpecification[] = "3B001";
inline constexpr char kSerializationFailure[] = "40001";
inline constexpr char kDeadlockDetected[] = "40P01";
inline constexpr char kSyntaxError[] = "42601";
inline constexpr char kInsufficientPrivilege[] = "42501";
inline constexpr char kUndefinedColumn[] = "42703";
inline constexpr char kUndefinedFunction[] = "42883";
inline constexpr char kWrongObjectType[] = "42809";
inline constexpr char kUndefinedTable[] = "42P01";
inline constexpr char kUndefinedObject[] = "42704";
inline constexpr char kDuplicateColumn[] = "42701";
inline constexpr char kDuplicateTable[] = "42P07";
inline constexpr char kAmbiguousColumn[] = "42702";
inline constexpr char kDatatypeMismatch[] = "42804";
inline constexpr char kCannotCoerce[] = "42846";
inline constexpr char kInvalidColumnReference[] = "42P10";
inline constexpr char kGroupingError[] = "42803";
inline constexpr char kInvalidTableDefinition[] = "42P16";
inline constexpr char kObjectNotInPrerequisiteState[] = "55000";
inline constexpr char kProgramLimitExceeded[] = "54000";
inline constexpr char kOutOfMemory[] = "53200";
inline constexpr char kDiskFull[] = "53100";
inline constexpr char kQueryCanceled[] = "57014";
inline constexpr char kAdminShutdown[] = "57P01";
inline constexpr char kIoError[] = "58030";
inline constexpr char kInternalError[] = "XX000";
inline constexpr char kDataCorrupted[] = "XX001";

}  // namespace omendb::sqlstate
