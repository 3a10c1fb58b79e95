fn main() {
    println!("ff");
}
