//! Start-up compiles no phrasing rules before the first frame unless the data folder has
//! its own `phrasing.ron` (whose errors must be said before the terminal is taken over).
//! One test per file: which checker is compiled is process-wide.

use roast::phrasing::Checker;
use roast::storage::DataDir;

#[test]
fn without_a_phrasing_file_nothing_is_compiled_before_the_app_starts() {
    let dir = tempfile::tempdir().unwrap();
    roast::cli::install_user_rules(&DataDir::new(dir.path())).unwrap();
    assert!(
        !Checker::any_compiled(),
        "the phrasing rules were compiled before the first frame"
    );
    // A folder with its own rules compiles them there, so a broken file is caught.
    std::fs::write(dir.path().join("phrasing.ron"), "(rules: [oops").unwrap();
    let err = roast::cli::install_user_rules(&DataDir::new(dir.path())).unwrap_err();
    assert!(err.to_string().contains("phrasing.ron"), "{err}");
}
