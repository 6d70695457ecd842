fn main() -> std::process::ExitCode {
    roast::cli::main()
}
