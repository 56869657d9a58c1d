export interface LoginInput {
  userName: string
  password: string
}

export interface ChangePasswordInput {
  currentPassword: string
  newPassword: string
}
